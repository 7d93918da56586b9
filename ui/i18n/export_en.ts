<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="en">
<context>
    <name>EvidenceExport</name>
    <message><source> Files are split into parts below %1.</source><translation> Files are split into parts below %1.</translation></message>
    <message><source>%1 files, %2</source><translation>%1 files, %2</translation></message>
    <message><source>%1 free of %2</source><translation>%1 free of %2</translation></message>
    <message><source>Badge number</source><translation>Badge number</translation></message>
    <message><source>Cameras</source><translation>Cameras</translation></message>
    <message><source>Cancel export</source><translation>Cancel export</translation></message>
    <message><source>Cancelling…</source><translation>Cancelling…</translation></message>
    <message><source>Cannot export: %1 Nothing was written.</source><translation>Cannot export: %1 Nothing was written.</translation></message>
    <message><source>Case number</source><translation>Case number</translation></message>
    <message><source>Checking the request and the destination…</source><translation>Checking the request and the destination…</translation></message>
    <message><source>Choose a removable drive or another folder.</source><translation>Choose a removable drive or another folder.</translation></message>
    <message><source>Choose at least one camera.</source><translation>Choose at least one camera.</translation></message>
    <message><source>Close</source><translation>Close</translation></message>
    <message><source>Copying the video (no re-encoding) and hashing every frame…</source><translation>Copying the video (no re-encoding) and hashing every frame…</translation></message>
    <message><source>Destination</source><translation>Destination</translation></message>
    <message><source>Drive</source><translation>Drive</translation></message>
    <message><source>Enter the authority that requested the footage.</source><translation>Enter the authority that requested the footage.</translation></message>
    <message><source>Enter the case number of the request.</source><translation>Enter the case number of the request.</translation></message>
    <message><source>Enter the exhibit id: it names the package folder on the medium.</source><translation>Enter the exhibit id: it names the package folder on the medium.</translation></message>
    <message><source>Enter the legal basis of the request.</source><translation>Enter the legal basis of the request.</translation></message>
    <message><source>Enter the officer who requested the footage.</source><translation>Enter the officer who requested the footage.</translation></message>
    <message><source>Enter the reason for the request.</source><translation>Enter the reason for the request.</translation></message>
    <message><source>Exhibit id</source><translation>Exhibit id</translation></message>
    <message><source>Export</source><translation>Export</translation></message>
    <message><source>Export cancelled</source><translation>Export cancelled</translation></message>
    <message><source>Export complete</source><translation>Export complete</translation></message>
    <message><source>Export evidence</source><translation>Export evidence</translation></message>
    <message><source>Export failed</source><translation>Export failed</translation></message>
    <message><source>Export into folder</source><translation>Export into folder</translation></message>
    <message><source>Export running</source><translation>Export running</translation></message>
    <message><source>Exported to %1</source><translation>Exported to %1</translation></message>
    <message><source>Fill in the fields marked above.</source><translation>Fill in the fields marked above.</translation></message>
    <message><source>Finishing…</source><translation>Finishing…</translation></message>
    <message><source>Flushing everything to the medium…</source><translation>Flushing everything to the medium…</translation></message>
    <message><source>Folder</source><translation>Folder</translation></message>
    <message><source>Footage</source><translation>Footage</translation></message>
    <message><source>From</source><translation>From</translation></message>
    <message><source>Incident</source><translation>Incident</translation></message>
    <message><source>Legal basis</source><translation>Legal basis</translation></message>
    <message><source>No removable drive found. Plug in a USB stick or SD card (it appears here by itself), or choose another folder.</source><translation>No removable drive found. Plug in a USB stick or SD card (it appears here by itself), or choose another folder.</translation></message>
    <message><source>Officer</source><translation>Officer</translation></message>
    <message><source>Open folder</source><translation>Open folder</translation></message>
    <message><source>Operator: %1</source><translation>Operator: %1</translation></message>
    <message><source>Other folder…</source><translation>Other folder…</translation></message>
    <message><source>Place</source><translation>Place</translation></message>
    <message><source>Rank</source><translation>Rank</translation></message>
    <message><source>Reading every file back from the medium and verifying it…</source><translation>Reading every file back from the medium and verifying it…</translation></message>
    <message><source>Reason</source><translation>Reason</translation></message>
    <message><source>Request</source><translation>Request</translation></message>
    <message><source>Request reference</source><translation>Request reference</translation></message>
    <message><source>Requesting authority</source><translation>Requesting authority</translation></message>
    <message><source>SHA-256 of manifest.json (for the handover protocol): %1</source><translation>SHA-256 of manifest.json (for the handover protocol): %1</translation></message>
    <message><source>Signer certificate SHA-256: %1</source><translation>Signer certificate SHA-256: %1</translation></message>
    <message><source>The export is still running. Cancel it? Nothing complete will be written.</source><translation>The export is still running. Cancel it? Nothing complete will be written.</translation></message>
    <message><source>The export stopped because of an internal error (details are in the log). Nothing complete was written.</source><translation>The export stopped because of an internal error (details are in the log). Nothing complete was written.</translation></message>
    <message><source>The export was cancelled before anything was written.</source><translation>The export was cancelled before anything was written.</translation></message>
    <message><source>The export was cancelled. Nothing complete was written: the incomplete files are in %1 (delete them).</source><translation>The export was cancelled. Nothing complete was written: the incomplete files are in %1 (delete them).</translation></message>
    <message><source>Times are local time of the station (%1).</source><translation>Times are local time of the station (%1).</translation></message>
    <message><source>To</source><translation>To</translation></message>
    <message><source>USB/SD</source><translation>USB/SD</translation></message>
    <message><source>Verification passed: every file was read back from the medium, its SHA-256 matched and the signature checked.</source><translation>Verification passed: every file was read back from the medium, its SHA-256 matched and the signature checked.</translation></message>
    <message><source>Writing about %1 to %2 (%3).</source><translation>Writing about %1 to %2 (%3).</translation></message>
    <message><source>Writing the manifest, signature, texts and handover protocol…</source><translation>Writing the manifest, signature, texts and handover protocol…</translation></message>
    <message><source>about %1 of %2</source><translation>about %1 of %2</translation></message>
    <message><source>checking…</source><translation>checking…</translation></message>
    <message><source>e.g. Komenda Miejska Policji w Krakowie</source><translation>e.g. Komenda Miejska Policji w Krakowie</translation></message>
    <message><source>e.g. art. 217 § 1 KPK</source><translation>e.g. art. 217 § 1 KPK</translation></message>
    <message><source>files split below 4 GiB</source><translation>files split below 4 GiB</translation></message>
    <message><source>first and last name of the officer</source><translation>first and last name of the officer</translation></message>
    <message><source>local register number, e.g. SM-2026-000123</source><translation>local register number, e.g. SM-2026-000123</translation></message>
    <message><source>reference of the written request, if any</source><translation>reference of the written request, if any</translation></message>
    <message><source>the authority's case reference (sygnatura)</source><translation>the authority's case reference (sygnatura)</translation></message>
    <message><source>unknown filesystem</source><translation>unknown filesystem</translation></message>
    <message><source>what happened</source><translation>what happened</translation></message>
    <message><source>where it happened</source><translation>where it happened</translation></message>
    <message><source>why the footage is requested</source><translation>why the footage is requested</translation></message>
</context>
</TS>
