"""Events and alarms: camera (ONVIF) and station events in, stored events and handled alarms out."""
