# Signs one or more Windows executables with the code-signing certificate given by the environment:
#   SIGN_PFX_PATH      path to the .pfx (the workflow decodes it from a repository secret)
#   SIGN_PFX_PASSWORD  its password
#   SIGN_TIMESTAMP_URL RFC 3161 time-stamp server (default: DigiCert's), so signatures outlive the certificate
# Used by the GitHub workflow directly and by makensis (-DSIGN_COMMAND=...) for the installer and uninstaller.
param([Parameter(Mandatory = $true, ValueFromRemainingArguments = $true)][string[]]$Files)
$ErrorActionPreference = "Stop"

if (-not $env:SIGN_PFX_PATH -or -not (Test-Path $env:SIGN_PFX_PATH)) {
    throw "sign.ps1: SIGN_PFX_PATH does not name a certificate file"
}
$timestamp = if ($env:SIGN_TIMESTAMP_URL) { $env:SIGN_TIMESTAMP_URL } else { "http://timestamp.digicert.com" }
$signtool = Get-ChildItem "${env:ProgramFiles(x86)}\Windows Kits\10\bin\*\x64\signtool.exe" -ErrorAction SilentlyContinue |
    Sort-Object FullName -Descending | Select-Object -First 1
if (-not $signtool) { throw "sign.ps1: signtool.exe not found (Windows SDK)" }

foreach ($file in $Files) {
    & $signtool.FullName sign /f $env:SIGN_PFX_PATH /p $env:SIGN_PFX_PASSWORD /fd SHA256 `
        /tr $timestamp /td SHA256 /d "videowall" $file
    if ($LASTEXITCODE -ne 0) { throw "sign.ps1: signtool failed for $file" }
    & $signtool.FullName verify /pa $file
    if ($LASTEXITCODE -ne 0) { throw "sign.ps1: the signature of $file does not verify" }
}
