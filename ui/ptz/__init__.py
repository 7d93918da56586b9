"""PTZ control in the UI: the bridge to the core PTZ queues, the in-tile key/mouse controller, the panel."""
