"""An Octavia network driver for Magnetar's loopback test cloud: the load balancer's VIP port is a
real Neutron port, everything an amphora would plug stays a no-op.

Octavia's no-op network driver answers allocate_vip with a made-up port id, so a floating IP that
Heat associates with a load balancer's vip_port_id (as Magnum's templates do for the masters' API)
fails with "Port ... could not be found". Here the VIP is allocated and released by Octavia's own
Neutron driver (allowed_address_pairs), and networks, subnets and ports that Neutron has are read
from Neutron; the amphorae (no-op compute driver) have no ports, so what the worker asks about
theirs is answered by the no-op driver as before."""
from octavia.network import base
from octavia.network.drivers.neutron import allowed_address_pairs
from octavia.network.drivers.noop_driver import driver as noop


class LoopbackNetworkDriver(noop.NoopNetworkDriver):

    def __init__(self):
        super().__init__()
        self._neutron_driver = None

    @property
    def _neutron(self):
        # Made on first use: its constructor asks Neutron for its extensions.
        if self._neutron_driver is None:
            self._neutron_driver = allowed_address_pairs.AllowedAddressPairsDriver()
        return self._neutron_driver

    def allocate_vip(self, loadbalancer):
        return self._neutron.allocate_vip(loadbalancer)

    def deallocate_vip(self, vip):
        self._neutron.deallocate_vip(vip)

    def get_network(self, network_id, context=None):
        try:
            return self._neutron.get_network(network_id, context=context)
        except base.NetworkNotFound:
            return super().get_network(network_id, context=context)

    def get_subnet(self, subnet_id, context=None):
        try:
            return self._neutron.get_subnet(subnet_id, context=context)
        except base.SubnetNotFound:
            return super().get_subnet(subnet_id, context=context)

    def get_port(self, port_id, context=None):
        try:
            return self._neutron.get_port(port_id, context=context)
        except base.PortNotFound:
            return super().get_port(port_id, context=context)
