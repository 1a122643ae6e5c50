"""Adds or removes the loopback cloud's resource services in the Keystone catalogue.

The ITs that let Heat create real servers, networks, volumes and load balancers register these
endpoints (public interface, RegionOne) only while they run, under the IT lock that every test run
against the shared Keystone takes: other tests assert that this cloud has no Glance, Nova or
Neutron, and a service that finds one in the catalogue then uses it. Every service is named
magnetar-loopback-<type>, so `remove` deletes exactly what `add` made, also after a killed run."""
import sys

from keystoneauth1 import session
from keystoneauth1.identity import v3

AUTH_URL = "http://127.0.0.1:5000/v3"
REGION = "RegionOne"
SERVICES = {
    "network": "http://127.0.0.1:9696",
    "compute": "http://127.0.0.1:8774/v2.1",
    "image": "http://127.0.0.1:9292",
    "volumev3": "http://127.0.0.1:8776/v3/%(project_id)s",
    "load-balancer": "http://127.0.0.1:9876",
}
PREFIX = "magnetar-loopback-"


def remove(s):
    # Few calls: a busy Keystone on loopback answers each in seconds.
    ours = {service["id"] for service in s.get(AUTH_URL + "/services").json()["services"]
            if service["name"].startswith(PREFIX)}
    if not ours:
        return
    for endpoint in s.get(AUTH_URL + "/endpoints").json()["endpoints"]:
        if endpoint["service_id"] in ours:
            s.delete(AUTH_URL + "/endpoints/" + endpoint["id"])
    for service_id in ours:
        s.delete(AUTH_URL + "/services/" + service_id)


def add(s):
    remove(s)
    for service_type, url in SERVICES.items():
        service = s.post(AUTH_URL + "/services", json={"service": {
            "name": PREFIX + service_type, "type": service_type, "enabled": True}}).json()["service"]
        s.post(AUTH_URL + "/endpoints", json={"endpoint": {
            "service_id": service["id"], "interface": "public", "url": url, "region_id": REGION,
            "enabled": True}})


def main(action, admin_password):
    auth = v3.Password(auth_url=AUTH_URL, username="admin", password=admin_password, project_name="admin",
                       user_domain_id="default", project_domain_id="default")
    {"add": add, "remove": remove}[action](session.Session(auth=auth))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
