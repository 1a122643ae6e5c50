"""An ML2 mechanism driver for Magnetar's loopback test cloud: binds every port to the first
segment offered, with VIF type "other", and no agent. Nova's fake virt driver needs a bound port
(an unbound one fails the build with "binding_failed"); nothing ever plugs the VIF."""
from neutron_lib.api.definitions import portbindings
from neutron_lib import constants
from neutron_lib.plugins.ml2 import api


class LoopbackMechanismDriver(api.MechanismDriver):

    def initialize(self):
        pass

    def bind_port(self, context):
        for segment in context.segments_to_bind:
            context.set_binding(segment[api.ID], portbindings.VIF_TYPE_OTHER, {},
                                status=constants.PORT_STATUS_ACTIVE)
            return
