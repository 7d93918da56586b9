// Drives an ONVIF device with npm `onvif` (an independent client) and prints one JSON object.
// stdin: {"mode": "session", "host", "port", "path", "user", "password", "wsse": bool, "steps": [[name, ...args]]}
//     or {"mode": "discover", "timeout_ms"}. Steps: status, presets, setPreset NAME, gotoPreset TOKEN,
// absoluteMove X Y Z, relativeMove X Y Z, continuousMove X Y Z MS (moves, waits MS, stops), configurations.
'use strict';
const onvif = require('onvif');

function readStdin() {
  return new Promise((resolve) => {
    let text = '';
    process.stdin.on('data', (chunk) => { text += chunk; });
    process.stdin.on('end', () => resolve(JSON.parse(text)));
  });
}

function call(cam, method, ...args) {
  return new Promise((resolve, reject) => {
    cam[method](...args, (err, result) => (err ? reject(err) : resolve(result)));
  });
}

function position(status) {
  return { pan: Number(status.position.x), tilt: Number(status.position.y), zoom: Number(status.position.zoom) };
}

async function step(cam, [name, ...args]) {
  switch (name) {
    case 'status': return position(await call(cam, 'getStatus', {}));
    case 'presets': {
      const presets = await call(cam, 'getPresets', {});
      return Object.values(presets).map((p) => ({ token: String(p.$.token), name: String(p.name) }));
    }
    case 'setPreset': return String((await call(cam, 'setPreset', { presetName: args[0] }))[0].setPresetResponse[0].presetToken[0]);
    case 'gotoPreset': return call(cam, 'gotoPreset', { preset: args[0] }).then(() => null);
    case 'absoluteMove': return call(cam, 'absoluteMove', { x: args[0], y: args[1], zoom: args[2] }).then(() => null);
    case 'relativeMove': return call(cam, 'relativeMove', { x: args[0], y: args[1], zoom: args[2] }).then(() => null);
    case 'continuousMove': {
      await call(cam, 'continuousMove', { x: args[0], y: args[1], zoom: args[2] });
      await new Promise((resolve) => setTimeout(resolve, args[3]));
      await call(cam, 'stop', {});
      return null;
    }
    case 'configurations': return Object.values(await call(cam, 'getConfigurations')).map((c) => ({ token: c.token, node: c.nodeToken }));
    default: throw new Error(`unknown step ${name}`);
  }
}

async function session(request) {
  const cam = new onvif.Cam({ hostname: request.host, port: request.port, path: request.path,
    username: request.user, password: request.password, useWSSecurity: request.wsse, timeout: 10000, autoconnect: false });
  const warnings = [];
  cam.on('warning', (w) => warnings.push(String(w)));
  await new Promise((resolve, reject) => cam.connect((err) => (err ? reject(err) : resolve())));
  const profiles = cam.profiles.map((p) => ({ token: p.$.token, width: Number(p.videoEncoderConfiguration.resolution.width),
    height: Number(p.videoEncoderConfiguration.resolution.height), ptz: Boolean(p.PTZConfiguration) }));
  const uris = {};
  for (const p of profiles) {
    uris[p.token] = (await call(cam, 'getStreamUri', { protocol: 'RTSP', profileToken: p.token })).uri;
  }
  const results = [];
  for (const s of request.steps || []) results.push(await step(cam, s));
  return { profiles, uris, defaultProfile: cam.defaultProfile ? cam.defaultProfile.$.token : null,
    activeSources: (cam.activeSources || []).length, warnings, results };
}

function discover(request) {
  return new Promise((resolve, reject) => {
    onvif.Discovery.probe({ timeout: request.timeout_ms, resolve: false }, (err, matches) => {
      if (err) return reject(err);
      resolve({ devices: matches.map((m) => ({ address: m.probeMatches.probeMatch.endpointReference.address,
        xaddrs: String(m.probeMatches.probeMatch.XAddrs).split(' ') })) });
    });
  });
}

readStdin()
  .then((request) => (request.mode === 'discover' ? discover(request) : session(request)))
  .then((out) => { process.stdout.write(JSON.stringify(out)); process.exit(0); })
  .catch((err) => { process.stdout.write(JSON.stringify({ error: String(err && err.message || err) })); process.exit(1); });
