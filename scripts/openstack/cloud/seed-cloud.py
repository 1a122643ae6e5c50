"""Seeds the loopback test cloud (openstack-on-loopback.sh start --cloud) with what a Magnetar
cluster template names: an external network with a subnet, flavors, and two small images with the
os_distro properties Magnetar's drivers match; and gives the services' user the `service` role. Talks to each service at its loopback URL, so it
needs nothing in the Keystone catalogue. Idempotent: finds before it creates."""
import sys

from keystoneauth1 import session
from keystoneauth1.identity import v3

KEYSTONE = "http://127.0.0.1:5000/v3"
NEUTRON = "http://127.0.0.1:9696/v2.0"
NOVA = "http://127.0.0.1:8774/v2.1"
GLANCE = "http://127.0.0.1:9292/v2"

FLAVORS = [("m1.tiny", 1, 512, 1), ("m1.small", 1, 2048, 20), ("m1.medium", 2, 4096, 40), ("m1.large", 4, 8192, 80)]
# The names of magnetar-sim's catalogue.yaml, so a cluster template reads the same on both clouds.
IMAGES = [("dcos-centos-7.2", "centos"), ("ubuntu-mesos", "ubuntu")]


def main(admin_password):
    auth = v3.Password(auth_url=KEYSTONE, username="admin", password=admin_password, project_name="admin",
                       user_domain_id="default", project_domain_id="default")
    s = session.Session(auth=auth)

    # Nova sends a service token with its calls to Cinder ([service_user] in nova.conf): Cinder
    # deletes an attachment to a server (a volume detached from a live server, as a scale-down
    # does) only when the call carries a service token whose user has the `service` role
    # (OSSA-2023-003), and answers 409 "ConflictNovaUsingAttachment" otherwise.
    user = s.get(KEYSTONE + "/users?name=heat&domain_id=default").json()["users"][0]
    project = s.get(KEYSTONE + "/projects?name=service&domain_id=default").json()["projects"][0]
    role = s.get(KEYSTONE + "/roles?name=service").json()["roles"][0]
    s.put(KEYSTONE + "/projects/%s/users/%s/roles/%s" % (project["id"], user["id"], role["id"]))

    nets = s.get(NEUTRON + "/networks?name=public").json()["networks"]
    if nets:
        net = nets[0]
    else:
        net = s.post(NEUTRON + "/networks", json={"network": {
            "name": "public", "router:external": True, "shared": False,
            "provider:network_type": "flat", "provider:physical_network": "public"}}).json()["network"]
    if not s.get(NEUTRON + "/subnets?network_id=" + net["id"]).json()["subnets"]:
        s.post(NEUTRON + "/subnets", json={"subnet": {
            "name": "public-subnet", "network_id": net["id"], "ip_version": 4, "cidr": "203.0.113.0/24",
            "gateway_ip": "203.0.113.1", "enable_dhcp": False}})

    headers = {"OpenStack-API-Version": "compute 2.55"}
    existing = {f["name"] for f in s.get(NOVA + "/flavors", headers=headers).json()["flavors"]}
    for name, vcpus, ram, disk in FLAVORS:
        if name not in existing:
            s.post(NOVA + "/flavors", headers=headers,
                   json={"flavor": {"name": name, "vcpus": vcpus, "ram": ram, "disk": disk}})

    for name, distro in IMAGES:
        if s.get(GLANCE + "/images?name=" + name).json()["images"]:
            continue
        image = s.post(GLANCE + "/images", json={
            "name": name, "disk_format": "qcow2", "container_format": "bare", "visibility": "public",
            "os_distro": distro}).json()
        s.put(GLANCE + "/images/" + image["id"] + "/file", data=b"magnetar loopback image " + distro.encode(),
              headers={"Content-Type": "application/octet-stream"})
    print("seeded: the service role, external network public, flavors, images", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1])
