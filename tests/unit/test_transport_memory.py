"""TransportMemory and Transport.order: which RTSP transport a session tries first."""

from __future__ import annotations

from videowall.media.transport import TransportMemory
from videowall.model.camera import Transport


def test_each_choice_names_its_order():
    assert Transport.AUTO.order == (Transport.TCP, Transport.UDP)
    assert Transport.UDP_THEN_TCP.order == (Transport.UDP, Transport.TCP)
    assert Transport.TCP.order == (Transport.TCP,) and Transport.UDP.order == (Transport.UDP,)


def test_what_worked_goes_first_for_that_camera_only():
    memory = TransportMemory()
    assert memory.order(1, Transport.AUTO) == (Transport.TCP, Transport.UDP)
    memory.worked(1, Transport.UDP)
    assert memory.order(1, Transport.AUTO) == (Transport.UDP, Transport.TCP)
    assert memory.order(2, Transport.AUTO) == (Transport.TCP, Transport.UDP)
    assert memory.last_worked(1) is Transport.UDP and memory.last_worked(2) is None


def test_a_fixed_choice_is_never_overridden_by_memory():
    memory = TransportMemory()
    memory.worked(1, Transport.UDP)
    assert memory.order(1, Transport.TCP) == (Transport.TCP,)
    memory.worked(1, Transport.TCP)
    assert memory.order(1, Transport.UDP_THEN_TCP) == (Transport.TCP, Transport.UDP)
