"""Camera simulator for the demo, the tests and benchmarks: RTSP cameras whose frames carry their camera
colour (``palette``) and capture time (``pixelcode``), served by a GStreamer process (``gst_server``)
that ``simulator.SimulatorProcess`` starts and stops."""
