<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="en">
    <context>
        <name>Setup</name>
        <message>
            <source> GB</source>
            <translation> GB</translation>
        </message>
        <message>
            <source> days</source>
            <translation> days</translation>
        </message>
        <message>
            <source>%1 %2: profiles: %3 (%4); PTZ: %5.</source>
            <translation>%1 %2: profiles: %3 (%4); PTZ: %5.</translation>
        </message>
        <message>
            <source>&amp;Cameras</source>
            <translation>&amp;Cameras</translation>
        </message>
        <message>
            <source>&amp;Station</source>
            <translation>&amp;Station</translation>
        </message>
        <message>
            <source>Add a camera by its address…</source>
            <translation>Add a camera by its address…</translation>
        </message>
        <message>
            <source>Add camera</source>
            <translation>Add camera</translation>
        </message>
        <message>
            <source>Add camera…</source>
            <translation>Add camera…</translation>
        </message>
        <message>
            <source>Audit log</source>
            <translation>Audit log</translation>
        </message>
        <message>
            <source>Automatic (TCP, then UDP)</source>
            <translation>Automatic (TCP, then UDP)</translation>
        </message>
        <message>
            <source>Automatic (UDP, then TCP)</source>
            <translation>Automatic (UDP, then TCP)</translation>
        </message>
        <message>
            <source>Camera</source>
            <translation>Camera</translation>
        </message>
        <message>
            <source>Cameras that answered: %1. Choose one and read it from the camera.</source>
            <translation>Cameras that answered: %1. Choose one and read it from the camera.</translation>
        </message>
        <message>
            <source>Checking every file and frame…</source>
            <translation>Checking every file and frame…</translation>
        </message>
        <message>
            <source>Checking…</source>
            <translation>Checking…</translation>
        </message>
        <message>
            <source>Checks an evidence package as its recipient would: the signature, every file against the manifest, SHA256SUMS, the frame hashes of every clip and the audit excerpt.</source>
            <translation>Checks an evidence package as its recipient would: the signature, every file against the manifest, SHA256SUMS, the frame hashes of every clip and the audit excerpt.</translation>
        </message>
        <message>
            <source>Connected: %1×%2 pixels.</source>
            <translation>Connected: %1×%2 pixels.</translation>
        </message>
        <message>
            <source>Connecting…</source>
            <translation>Connecting…</translation>
        </message>
        <message>
            <source>Connection test</source>
            <translation>Connection test</translation>
        </message>
        <message>
            <source>Delete the oldest footage early below</source>
            <translation>Delete the oldest footage early below</translation>
        </message>
        <message>
            <source>Deployment</source>
            <translation>Deployment</translation>
        </message>
        <message>
            <source>Deployment settings…</source>
            <translation>Deployment settings…</translation>
        </message>
        <message>
            <source>District</source>
            <translation>District</translation>
        </message>
        <message>
            <source>Edit camera %1</source>
            <translation>Edit camera %1</translation>
        </message>
        <message>
            <source>Edit the selected tile's camera…</source>
            <translation>Edit the selected tile's camera…</translation>
        </message>
        <message>
            <source>Every export, legal hold and bookmark change is in the audit log; each entry carries the hash of the one before, so a changed or removed entry is found.</source>
            <translation>Every export, legal hold and bookmark change is in the audit log; each entry carries the hash of the one before, so a changed or removed entry is found.</translation>
        </message>
        <message>
            <source>Evidence packages are signed with this certificate. Give its SHA-256 fingerprint to the recipients so they can check the signature.</source>
            <translation>Evidence packages are signed with this certificate. Give its SHA-256 fingerprint to the recipients so they can check the signature.</translation>
        </message>
        <message>
            <source>Find the camera (ONVIF)</source>
            <translation>Find the camera (ONVIF)</translation>
        </message>
        <message>
            <source>Footage is kept %1 days (the station's retention, set by the deployment's law); footage secured as evidence is kept until released.</source>
            <translation>Footage is kept %1 days (the station's retention, set by the deployment's law); footage secured as evidence is kept until released.</translation>
        </message>
        <message>
            <source>Import a CA-issued certificate (PKCS#12)…</source>
            <translation>Import a CA-issued certificate (PKCS#12)…</translation>
        </message>
        <message>
            <source>Importing…</source>
            <translation>Importing…</translation>
        </message>
        <message>
            <source>Keep footage for</source>
            <translation>Keep footage for</translation>
        </message>
        <message>
            <source>Language (after a restart)</source>
            <translation>Language (after a restart)</translation>
        </message>
        <message>
            <source>Last entry's hash: %1</source>
            <translation>Last entry's hash: %1</translation>
        </message>
        <message>
            <source>Main stream</source>
            <translation>Main stream</translation>
        </message>
        <message>
            <source>Main stream (full resolution)</source>
            <translation>Main stream (full resolution)</translation>
        </message>
        <message>
            <source>Municipal monitoring run by the gmina (at most 90 days)</source>
            <translation>Municipal monitoring run by the gmina (at most 90 days)</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>No camera answered. Type its ONVIF address, or fill in its stream addresses.</source>
            <translation>No camera answered. Type its ONVIF address, or fill in its stream addresses.</translation>
        </message>
        <message>
            <source>No picture.</source>
            <translation>No picture.</translation>
        </message>
        <message>
            <source>ONVIF address</source>
            <translation>ONVIF address</translation>
        </message>
        <message>
            <source>Open a package folder…</source>
            <translation>Open a package folder…</translation>
        </message>
        <message>
            <source>Organisation</source>
            <translation>Organisation</translation>
        </message>
        <message>
            <source>PKCS#12 (*.p12 *.pfx)</source>
            <translation>PKCS#12 (*.p12 *.pfx)</translation>
        </message>
        <message>
            <source>PKCS#12 file</source>
            <translation>PKCS#12 file</translation>
        </message>
        <message>
            <source>PKCS#12 password</source>
            <translation>PKCS#12 password</translation>
        </message>
        <message>
            <source>PTZ</source>
            <translation>PTZ</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>Password</translation>
        </message>
        <message>
            <source>Place</source>
            <translation>Place</translation>
        </message>
        <message>
            <source>RTSP transport</source>
            <translation>RTSP transport</translation>
        </message>
        <message>
            <source>Read from the camera</source>
            <translation>Read from the camera</translation>
        </message>
        <message>
            <source>Reading the camera…</source>
            <translation>Reading the camera…</translation>
        </message>
        <message>
            <source>Reading the signing key (the first time, a key is created: this takes a moment)…</source>
            <translation>Reading the signing key (the first time, a key is created: this takes a moment)…</translation>
        </message>
        <message>
            <source>Record this camera on this station</source>
            <translation>Record this camera on this station</translation>
        </message>
        <message>
            <source>Recorded stream</source>
            <translation>Recorded stream</translation>
        </message>
        <message>
            <source>Recording</source>
            <translation>Recording</translation>
        </message>
        <message>
            <source>Remove camera</source>
            <translation>Remove camera</translation>
        </message>
        <message>
            <source>Remove camera %1? Its recordings stay until the retention period deletes them.</source>
            <translation>Remove camera %1? Its recordings stay until the retention period deletes them.</translation>
        </message>
        <message>
            <source>Save the settings</source>
            <translation>Save the settings</translation>
        </message>
        <message>
            <source>Saved. Recording uses the new retention and free-space limits from its next start.</source>
            <translation>Saved. Recording uses the new retention and free-space limits from its next start.</translation>
        </message>
        <message>
            <source>Search the network</source>
            <translation>Search the network</translation>
        </message>
        <message>
            <source>Search the network for ONVIF cameras…</source>
            <translation>Search the network for ONVIF cameras…</translation>
        </message>
        <message>
            <source>Search the network for cameras…</source>
            <translation>Search the network for cameras…</translation>
        </message>
        <message>
            <source>Search the network or type the camera's ONVIF address, then read its streams and PTZ from it. Cameras without ONVIF: fill in the stream addresses below.</source>
            <translation>Search the network or type the camera's ONVIF address, then read its streams and PTZ from it. Cameras without ONVIF: fill in the stream addresses below.</translation>
        </message>
        <message>
            <source>Searching…</source>
            <translation>Searching…</translation>
        </message>
        <message>
            <source>Select a tile showing a camera to edit it.</source>
            <translation>Select a tile showing a camera to edit it.</translation>
        </message>
        <message>
            <source>Show the signing certificate</source>
            <translation>Show the signing certificate</translation>
        </message>
        <message>
            <source>Signing certificate: %1; signatures use %2.</source>
            <translation>Signing certificate: %1; signatures use %2.</translation>
        </message>
        <message>
            <source>Signing key</source>
            <translation>Signing key</translation>
        </message>
        <message>
            <source>Signing key…</source>
            <translation>Signing key…</translation>
        </message>
        <message>
            <source>Station name</source>
            <translation>Station name</translation>
        </message>
        <message>
            <source>Station settings and checks</source>
            <translation>Station settings and checks</translation>
        </message>
        <message>
            <source>Straż Miejska / Gminna (footage kept 20–60 days)</source>
            <translation>Straż Miejska / Gminna (footage kept 20–60 days)</translation>
        </message>
        <message>
            <source>Sub stream</source>
            <translation>Sub stream</translation>
        </message>
        <message>
            <source>Sub stream (low resolution)</source>
            <translation>Sub stream (low resolution)</translation>
        </message>
        <message>
            <source>TCP only</source>
            <translation>TCP only</translation>
        </message>
        <message>
            <source>Test the connection</source>
            <translation>Test the connection</translation>
        </message>
        <message>
            <source>Test the connection to see the camera here.</source>
            <translation>Test the connection to see the camera here.</translation>
        </message>
        <message>
            <source>The audit log has been tampered with. Problems found: %1.</source>
            <translation>The audit log has been tampered with. Problems found: %1.</translation>
        </message>
        <message>
            <source>The audit log is intact; the chain is unbroken. Entries: %1.</source>
            <translation>The audit log is intact; the chain is unbroken. Entries: %1.</translation>
        </message>
        <message>
            <source>The demo runs simulated cameras in a separate, temporary station: nothing is added here.</source>
            <translation>The demo runs simulated cameras in a separate, temporary station: nothing is added here.</translation>
        </message>
        <message>
            <source>The file's password:</source>
            <translation>The file's password:</translation>
        </message>
        <message>
            <source>The package does NOT check; do not rely on it. Problems found: %1.</source>
            <translation>The package does NOT check; do not rely on it. Problems found: %1.</translation>
        </message>
        <message>
            <source>The package folder (the one holding manifest.json)</source>
            <translation>The package folder (the one holding manifest.json)</translation>
        </message>
        <message>
            <source>The package is intact and signed by %1. Files matching the manifest: %2.</source>
            <translation>The package is intact and signed by %1. Files matching the manifest: %2.</translation>
        </message>
        <message>
            <source>The system's language</source>
            <translation>The system's language</translation>
        </message>
        <message>
            <source>This station has no cameras yet. Find them on the network, add one by its address, or look around with the demo cameras first.</source>
            <translation>This station has no cameras yet. Find them on the network, add one by its address, or look around with the demo cameras first.</translation>
        </message>
        <message>
            <source>Time zone</source>
            <translation>Time zone</translation>
        </message>
        <message>
            <source>Try the demo cameras</source>
            <translation>Try the demo cameras</translation>
        </message>
        <message>
            <source>UDP only</source>
            <translation>UDP only</translation>
        </message>
        <message>
            <source>Unit</source>
            <translation>Unit</translation>
        </message>
        <message>
            <source>Username</source>
            <translation>Username</translation>
        </message>
        <message>
            <source>Verify a package</source>
            <translation>Verify a package</translation>
        </message>
        <message>
            <source>Verify an evidence package…</source>
            <translation>Verify an evidence package…</translation>
        </message>
        <message>
            <source>Verify the audit log</source>
            <translation>Verify the audit log</translation>
        </message>
        <message>
            <source>Verify the audit log…</source>
            <translation>Verify the audit log…</translation>
        </message>
        <message>
            <source>Warn when free space is below</source>
            <translation>Warn when free space is below</translation>
        </message>
        <message>
            <source>Welcome to videowall</source>
            <translation>Welcome to videowall</translation>
        </message>
        <message>
            <source>connecting</source>
            <translation>connecting</translation>
        </message>
        <message>
            <source>e.g. Centrum Monitoringu</source>
            <translation>e.g. Centrum Monitoringu</translation>
        </message>
        <message>
            <source>e.g. Straż Miejska Miasta Krakowa</source>
            <translation>e.g. Straż Miejska Miasta Krakowa</translation>
        </message>
        <message>
            <source>imported, issued by a CA</source>
            <translation>imported, issued by a CA</translation>
        </message>
        <message>
            <source>live</source>
            <translation>live</translation>
        </message>
        <message>
            <source>made by this station</source>
            <translation>made by this station</translation>
        </message>
        <message>
            <source>manifest.json SHA-256: %1</source>
            <translation>manifest.json SHA-256: %1</translation>
        </message>
        <message>
            <source>no</source>
            <translation>no</translation>
        </message>
        <message>
            <source>not connected</source>
            <translation>not connected</translation>
        </message>
        <message>
            <source>offline</source>
            <translation>offline</translation>
        </message>
        <message>
            <source>optional: the low resolution stream for small tiles</source>
            <translation>optional: the low resolution stream for small tiles</translation>
        </message>
        <message>
            <source>reconnecting</source>
            <translation>reconnecting</translation>
        </message>
        <message>
            <source>recording</source>
            <translation>recording</translation>
        </message>
        <message>
            <source>unchanged</source>
            <translation>unchanged</translation>
        </message>
        <message>
            <source>videowall — first start</source>
            <translation>videowall — first start</translation>
        </message>
        <message>
            <source>yes</source>
            <translation>yes</translation>
        </message>
    </context>
    <context>
        <name>CameraPanel</name>
        <message>
            <source>Add camera…</source>
            <translation>Add camera…</translation>
        </message>
        <message>
            <source>Edit camera…</source>
            <translation>Edit camera…</translation>
        </message>
        <message>
            <source>Remove camera…</source>
            <translation>Remove camera…</translation>
        </message>
    </context>
</TS>
