#!/usr/bin/python3
"""Creates, idempotently, the identities and catalogue entries Magnetar's integration tests use.

Run by openstack-on-loopback.sh after `keystone-manage bootstrap`. Every step looks before it
creates, so a second run changes nothing. Talks to Keystone's v3 API through keystoneauth1 (one
Python process instead of dozens of `openstack` CLI calls, each of which costs seconds).
Usage: bootstrap-identities.py ADMIN_PASSWORD SERVICE_PASSWORD
"""
import sys
import time

from keystoneauth1 import session as ks_session
from keystoneauth1.identity import v3

AUTH_URL = "http://127.0.0.1:5000/v3"
REGION = "RegionOne"


def main(admin_password, service_password):
    auth = v3.Password(auth_url=AUTH_URL, username="admin", password=admin_password,
                       project_name="admin", user_domain_id="default", project_domain_id="default")
    ks = Keystone(ks_session.Session(auth=auth))

    for role in ("admin", "member", "reader", "service", "heat_stack_owner", "heat_stack_user"):
        ks.ensure("roles", {"name": role})
    service_project = ks.ensure("projects", {"name": "service", "domain_id": "default"})

    # Heat: its service user, the stack domain with its admin, the orchestration endpoints.
    heat = ks.ensure_user("heat", service_password, "default")
    ks.grant(heat, "admin", project=service_project)
    heat_domain = ks.ensure("domains", {"name": "heat", "description": "Heat stack users"})
    heat_domain_admin = ks.ensure_user("heat_domain_admin", service_password, heat_domain["id"])
    ks.grant(heat_domain_admin, "admin", domain=heat_domain)
    ks.ensure_service("heat", "orchestration", "http://127.0.0.1:8004/v1/%(tenant_id)s")

    # Magnetar: its service user and the container-infra endpoint the tests' server listens on.
    magnetar = ks.ensure_user("magnetar", "magnetar-secret", "default")
    ks.grant(magnetar, "admin", project=service_project)
    ks.grant(magnetar, "service", project=service_project)
    ks.ensure_service("magnum", "container-infra", "http://127.0.0.1:9511/v1")
    # The domain that holds Magnetar's per-cluster users (docs/openstack.md explains why).
    ks.ensure("domains", {"name": "magnetar", "description": "Magnetar cluster users"})

    # Tenants for the tenancy tests: a member and a reader in each of two projects.
    admin_project = ks.find("projects", "admin", domain_id="default")
    admin = ks.find("users", "admin", domain_id="default")
    ks.grant(admin, "admin", project=admin_project)
    for name in ("alpha", "beta"):
        project = ks.ensure("projects", {"name": name, "domain_id": "default"})
        for role in ("member", "reader"):
            user = ks.ensure_user(f"{name}-{role}", f"{name}-{role}-secret", "default")
            ks.grant(user, role, project=project)
    print("bootstrap-identities: done")


class Keystone:
    def __init__(self, session):
        self.s = session
        self.roles = {}

    def _get(self, path):
        return self.s.get(AUTH_URL + path).json()

    def find(self, kind, name, **filters):
        query = "&".join([f"name={name}"] + [f"{k}={v}" for k, v in filters.items()])
        found = self._get(f"/{kind}?{query}")[kind]
        return found[0] if found else None

    def ensure(self, kind, body):
        filters = {"domain_id": body["domain_id"]} if "domain_id" in body else {}
        existing = self.find(kind, body["name"], **filters)
        if existing:
            return existing
        return self.s.post(AUTH_URL + f"/{kind}", json={kind[:-1]: body}).json()[kind[:-1]]

    def ensure_user(self, name, password, domain_id):
        user = self.find("users", name, domain_id=domain_id)
        if user:
            # Keep the password the tests know, even if someone changed it.
            self.s.patch(AUTH_URL + f"/users/{user['id']}", json={"user": {"password": password}})
            return user
        return self.s.post(AUTH_URL + "/users", json={"user": {
            "name": name, "password": password, "domain_id": domain_id, "enabled": True}}).json()["user"]

    def role_id(self, name):
        if name not in self.roles:
            self.roles[name] = self.find("roles", name)["id"]
        return self.roles[name]

    def grant(self, user, role, project=None, domain=None):
        target = f"/projects/{project['id']}" if project else f"/domains/{domain['id']}"
        self.s.put(AUTH_URL + f"{target}/users/{user['id']}/roles/{self.role_id(role)}")

    def ensure_service(self, name, service_type, url):
        services = self._get(f"/services?type={service_type}")["services"]
        service = services[0] if services else self.s.post(AUTH_URL + "/services", json={"service": {
            "name": name, "type": service_type, "enabled": True}}).json()["service"]
        endpoints = self._get(f"/endpoints?service_id={service['id']}")["endpoints"]
        present = {e["interface"] for e in endpoints if e["url"] == url}
        for interface in ("public", "internal", "admin"):
            if interface not in present:
                self.s.post(AUTH_URL + "/endpoints", json={"endpoint": {
                    "service_id": service["id"], "interface": interface, "url": url, "region_id": REGION,
                    "enabled": True}})
        return service


if __name__ == "__main__":
    started = time.time()
    main(sys.argv[1], sys.argv[2])
    print(f"bootstrap-identities: {time.time() - started:.1f} s")
