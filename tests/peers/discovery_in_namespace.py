"""Run inside a network namespace (``ip netns exec``): a simulator answering WS-Discovery on
239.255.255.250:3702, then the product's discover() and both independent clients' multicast probes.
Prints {"product": [...], "node": {...}, "onvif_python": {...}, "xaddrs": [...]} as JSON."""

from __future__ import annotations

import json

from tests.fixtures.peers import node_onvif, onvif_python
from videowall.onvif.discovery import discover
from videowall.sim.simulator import SimulatorProcess


def main() -> None:
    sim = SimulatorProcess(cameras=2, onvif=True, discovery_multicast=True, main_size=(320, 180), max_seconds=120)
    sim.start()
    try:
        product = [list(device.xaddrs) for device in discover(1.5)]  # no target: the multicast group
        node = node_onvif({"mode": "discover", "timeout_ms": 1500})
        python = onvif_python({"mode": "discover", "timeout_s": 2, "interface": "127.0.0.1"})
        print(json.dumps({"product": product, "node": node, "onvif_python": python,
                          "xaddrs": [sim.onvif_url(camera) for camera in (1, 2)]}))
    finally:
        sim.stop()


if __name__ == "__main__":
    main()
