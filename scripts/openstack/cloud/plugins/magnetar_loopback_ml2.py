"""An ML2 mechanism driver for Magnetar's loopback test cloud: binds every port to the first
segment offered, with VIF type "other", and no agent. Nova's fake virt driver needs a bound port
(an unbound one fails the build with "binding_failed"); nothing ever plugs the VIF."""
from neutron_lib.api.definitions import portbindings
from neutron_lib import constants
from neutron_lib.plugins.ml2 import api


class LoopbackMechanismDriver(api.MechanismDriver):

    def initialize(self):
        # Neutron 21's port listing reads the class attribute Port.port_forwardings, a backref the
        # port-forwarding model adds once SQLAlchemy configures the mappers after that model is
        # imported. Without the port_forwarding service plugin that happens only as a side effect of
        # some other requests: a server whose first request listed ports answered every later listing
        # with 500 ("type object 'Port' has no attribute 'port_forwardings'"). Done here, at start.
        from neutron.db.models import port_forwarding  # noqa: F401
        from sqlalchemy import orm
        orm.configure_mappers()

    def bind_port(self, context):
        for segment in context.segments_to_bind:
            context.set_binding(segment[api.ID], portbindings.VIF_TYPE_OTHER, {},
                                status=constants.PORT_STATUS_ACTIVE)
            return
