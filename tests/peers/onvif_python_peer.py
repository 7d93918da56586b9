"""Drives an ONVIF device with PyPI ``onvif-python`` (an independent client) and prints one JSON object.

Runs in that package's own venv (its top-level ``onvif`` package would clash with onvif-zeep's), never in the
product's. stdin: {"mode": "session", "host", "port", "user", "password", "digest": bool, "steps": [[name, …]]}
or {"mode": "discover", "timeout_s", "interface"}. Steps: status, presets, setPreset NAME, gotoPreset TOKEN,
absoluteMove X Y Z, relativeMove X Y Z, continuousMove X Y Z MS (moves, waits MS, stops), configurations.
"""

import json
import sys
import time

from onvif import CacheMode, ONVIFClient, ONVIFDiscovery


def _position(status):
    return {"pan": float(status.Position.PanTilt.x), "tilt": float(status.Position.PanTilt.y),
            "zoom": float(status.Position.Zoom.x)}


def _vector(x, y, zoom):
    return {"PanTilt": {"x": x, "y": y}, "Zoom": {"x": zoom}}


def _step(ptz, profile, name, *args):
    if name == "status":
        return _position(ptz.GetStatus(ProfileToken=profile))
    if name == "presets":
        return [{"token": str(p.token), "name": str(p.Name)} for p in ptz.GetPresets(ProfileToken=profile) or []]
    if name == "setPreset":
        return str(ptz.SetPreset(ProfileToken=profile, PresetName=args[0]))
    if name == "gotoPreset":
        ptz.GotoPreset(ProfileToken=profile, PresetToken=args[0])
    elif name == "absoluteMove":
        ptz.AbsoluteMove(ProfileToken=profile, Position=_vector(*args))
    elif name == "relativeMove":
        ptz.RelativeMove(ProfileToken=profile, Translation=_vector(*args))
    elif name == "continuousMove":
        ptz.ContinuousMove(ProfileToken=profile, Velocity=_vector(*args[:3]))
        time.sleep(args[3] / 1000)  # the move's length, not a wait for anything
        ptz.Stop(ProfileToken=profile, PanTilt=True, Zoom=True)
    elif name == "configurations":
        return [{"token": str(c.token), "node": str(c.NodeToken)} for c in ptz.GetConfigurations()]
    else:
        raise ValueError(f"unknown step {name}")
    return None


def session(request):
    client = ONVIFClient(request["host"], request["port"], request["user"], request["password"],
                         http_digest=request["digest"], timeout=10, cache=CacheMode.NONE)
    media = client.media()
    profiles = [{"token": str(p.token), "width": int(p.VideoEncoderConfiguration.Resolution.Width),
                 "height": int(p.VideoEncoderConfiguration.Resolution.Height),
                 "ptz": p.PTZConfiguration is not None} for p in media.GetProfiles()]
    setup = {"Stream": "RTP-Unicast", "Transport": {"Protocol": "RTSP"}}
    uris = {p["token"]: str(media.GetStreamUri(StreamSetup=setup, ProfileToken=p["token"]).Uri) for p in profiles}
    sources = [str(s.token) for s in media.GetVideoSources()]
    services = sorted(str(s.Namespace) for s in client.devicemgmt().GetServices(IncludeCapability=True))
    results = []
    if request.get("steps"):
        ptz = client.ptz()
        profile = next(p["token"] for p in profiles if p["ptz"])
        results = [_step(ptz, profile, *step) for step in request["steps"]]
    return {"profiles": profiles, "uris": uris, "sources": sources, "services": services, "results": results}


def discover(request):
    devices = ONVIFDiscovery(timeout=request["timeout_s"], interface=request["interface"]).discover()
    return {"devices": [{"xaddrs": [str(x) for x in d.get("xaddrs") or []],
                         "types": [str(t) for t in d.get("types") or []],
                         "scopes": [str(s) for s in d.get("scopes") or []]} for d in devices]}


def main():
    request = json.loads(sys.stdin.read())
    try:
        out = discover(request) if request["mode"] == "discover" else session(request)
    except Exception as err:  # the test reads the peer's failure from the JSON
        print(json.dumps({"error": f"{type(err).__name__}: {err}"}))
        return 1
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
