"""The plain-text files of a package: what it is and how to check it, Polish first, English second.

Written as UTF-8 with a byte-order mark and CRLF line ends, so Notepad and Windows PowerShell 5.1
show the Polish letters; commands are meant to be copied as they are.
"""

from __future__ import annotations

README_NAMES = ("CZYTAJ_MNIE.txt", "README.txt")
VERIFY_NAMES = ("WERYFIKACJA.txt", "VERIFY.txt")

_README_PL = """\
PAKIET DOWODOWY {exhibit} — NAGRANIA MONITORINGU WIZYJNEGO
{rule}
Sprawa (sygnatura): {case}
Organ żądający: {authority}
Wykonano: {created} ({tz}); program videowall {version}

Zawartość
- video/*.mp4 — nagrania oryginalne: strumień kamery skopiowany bez ponownego kodowania
  (remux). Odtwarzane w każdym odtwarzaczu (VLC, Windows Media Player, Filmy i TV, mpv).
  Duże nagrania na nośniku FAT32 są podzielone na części _p001, _p002 … (każda poniżej 4 GiB).
- video/*.framehash.txt — skrót SHA-256 każdej klatki (format FFmpeg framehash); dowodzi,
  że obraz nie był ponownie kodowany.
- manifest.json — opis pakietu: zlecenie, kamery, czasy (UTC i czas lokalny), luki w zapisie,
  rozmiar i skrót SHA-256 każdego pliku.
- manifest.json.p7s — podpis elektroniczny CMS (PKCS#7) manifestu.
- SHA256SUMS — skróty SHA-256 wszystkich plików (do sha256sum -c).
- certs/ — certyfikat podpisującego (PEM) i odciski (FINGERPRINTS.txt).
- report/protokol_przekazania.pdf — protokół przekazania do wydruku i podpisu (2 egzemplarze).
- report/audit_excerpt.jsonl — wpisy dziennika zdarzeń dotyczące tego eksportu.

Jak sprawdzić integralność: zobacz WERYFIKACJA.txt.
Czasy: w manifeście podano czas UTC i czas lokalny ({tz}) pierwszej i ostatniej klatki
oraz źródło znaczników czasu; przerwy w zapisie wymieniono w polu "gaps".
"""

_README_EN = """\
EVIDENCE PACKAGE {exhibit} — CCTV RECORDINGS
{rule}
Case number: {case}
Requesting authority: {authority}
Created: {created} ({tz}) by videowall {version}

Contents
- video/*.mp4 — master recordings: the camera's own stream copied without re-encoding (remux).
  Plays in any player (VLC, Windows Media Player, Films & TV, mpv). Large recordings on a FAT32
  medium are split into parts _p001, _p002 … (each below 4 GiB).
- video/*.framehash.txt — SHA-256 of every frame (FFmpeg framehash format); proves that the
  picture was not re-encoded.
- manifest.json — describes the package: request, cameras, times (UTC and local), recording gaps,
  size and SHA-256 of every file.
- manifest.json.p7s — CMS (PKCS#7) electronic signature of the manifest.
- SHA256SUMS — SHA-256 of all files (for sha256sum -c).
- certs/ — signer certificate (PEM) and fingerprints (FINGERPRINTS.txt).
- report/protokol_przekazania.pdf — handover protocol to print and sign (2 copies).
- report/audit_excerpt.jsonl — the audit-log entries of this export.

How to check integrity: see VERIFY.txt (same text as WERYFIKACJA.txt).
Times: the manifest gives UTC and local time ({tz}) of the first and last frame and the source of
the timestamps; recording gaps are listed under "gaps".
"""

_VERIFY_PL = """\
WERYFIKACJA PAKIETU {exhibit}
{rule}
Polecenia wykonuj w katalogu pakietu (tam, gdzie leży manifest.json).

1. Skrót manifestu — musi być równy wartości w protokole przekazania:
     Windows:  certutil -hashfile manifest.json SHA256
     Linux:    sha256sum manifest.json
     macOS:    shasum -a 256 manifest.json

2. Skróty wszystkich plików:
     Linux/macOS:  sha256sum -c SHA256SUMS        (macOS: shasum -a 256 -c SHA256SUMS)
     Windows PowerShell:
       Get-Content SHA256SUMS | ForEach-Object {{ $h, $p = $_ -split '  ', 2; if ((Get-FileHash -Algorithm SHA256 -LiteralPath $p).Hash -eq $h) {{ "OK    $p" }} else {{ "BLAD  $p" }} }}
     Każdy wiersz musi zaczynać się od OK.

3. Podpis manifestu (OpenSSL):
     Linux/macOS:  openssl cms -verify -binary -inform DER -in manifest.json.p7s -content manifest.json -noverify -out /dev/null
     Windows:      openssl cms -verify -binary -inform DER -in manifest.json.p7s -content manifest.json -noverify -out NUL
   Wynik "CMS Verification successful" oznacza, że manifest nie został zmieniony.
{ca_pl}   Windows PowerShell:
       Add-Type -AssemblyName System.Security
       $c = New-Object Security.Cryptography.Pkcs.ContentInfo (,[IO.File]::ReadAllBytes("$PWD\\manifest.json"))
       $s = New-Object Security.Cryptography.Pkcs.SignedCms $c, $true
       $s.Decode([IO.File]::ReadAllBytes("$PWD\\manifest.json.p7s")); $s.CheckSignature($true); "Podpis poprawny"
       $s.SignerInfos[0].Certificate.Thumbprint
   Ostatni wiersz (odcisk SHA-1) porównaj z certs{sep}FINGERPRINTS.txt i z protokołem.

4. Skróty klatek (opcjonalnie, wymaga FFmpeg) — dla każdego pliku wideo:
     ffmpeg -i video{sep}PLIK.mp4 -map 0:v -bsf:v h264_mp4toannexb -c copy -f framehash -hash sha256 klatki.txt
   Wynik porównaj z video{sep}PLIK.framehash.txt; może się różnić tylko wiersz "#software".

5. Program videowall sprawdza wszystko naraz (także pliki dodane, brakujące i zmienione):
     videowall verify {exhibit}

Pliki wideo w pakiecie:
{files}
"""

_VERIFY_EN = """\
VERIFYING PACKAGE {exhibit}
{rule}
Run the commands inside the package folder (where manifest.json is).

1. Manifest hash — must equal the value printed on the handover protocol:
     Windows:  certutil -hashfile manifest.json SHA256
     Linux:    sha256sum manifest.json
     macOS:    shasum -a 256 manifest.json

2. Hashes of all files:
     Linux/macOS:  sha256sum -c SHA256SUMS        (macOS: shasum -a 256 -c SHA256SUMS)
     Windows PowerShell: the Get-Content SHA256SUMS … command in part 1 (Polish) above;
       every line must start with OK ("BLAD" means a file differs).

3. Manifest signature (OpenSSL):
     Linux/macOS:  openssl cms -verify -binary -inform DER -in manifest.json.p7s -content manifest.json -noverify -out /dev/null
     Windows:      openssl cms -verify -binary -inform DER -in manifest.json.p7s -content manifest.json -noverify -out NUL
   "CMS Verification successful" means the manifest was not changed.
{ca_en}   Windows PowerShell: the SignedCms commands in part 1 (Polish) above; they print
   "Podpis poprawny" (signature valid) and the signer's SHA-1 thumbprint, to compare with
   certs{sep}FINGERPRINTS.txt and the protocol.

4. Frame hashes (optional, needs FFmpeg) — for each video file:
     ffmpeg -i video{sep}FILE.mp4 -map 0:v -bsf:v h264_mp4toannexb -c copy -f framehash -hash sha256 frames.txt
   Compare with video{sep}FILE.framehash.txt; only the "#software" line may differ.

5. videowall checks all of it at once (also added, missing and changed files):
     videowall verify {exhibit}
"""

_CA_COMMAND = ("     openssl cms -verify -binary -inform DER -in manifest.json.p7s -content manifest.json "
               "-CAfile certs/ca.crt -purpose any -out /dev/null      (Windows: -out NUL)\n")
_CA_PL = ("   Podpisano certyfikatem wydanym przez urząd certyfikacji (certs/ca.crt); pełna weryfikacja łańcucha:\n"
          + _CA_COMMAND)
_CA_EN = ("   Signed with a certificate issued by a certification authority (certs/ca.crt); full chain check:\n"
          + _CA_COMMAND)
_SEPARATOR = "\n\n" + "-" * 70 + "\n\n"


def readme_text(exhibit: str, case: str, authority: str, created: str, tz: str, version: str) -> bytes:
    values = {"exhibit": exhibit, "case": case, "authority": authority, "created": created, "tz": tz,
              "version": version}
    return _windows_text(_ruled(_README_PL, values) + _SEPARATOR + _ruled(_README_EN, values))


def verify_text(exhibit: str, video_files: list[str], has_ca: bool) -> bytes:
    listing = "\n".join(f"  {name}" for name in video_files) or "  (brak / none)"
    values = {"exhibit": exhibit, "files": listing, "sep": "/"}
    polish = _ruled(_VERIFY_PL, {**values, "ca_pl": _CA_PL if has_ca else ""})
    english = _ruled(_VERIFY_EN, {**values, "ca_en": _CA_EN if has_ca else ""})
    return _windows_text(polish + _SEPARATOR + english)


def _ruled(template: str, values: dict[str, str]) -> str:
    """Fill ``template``; its ``{rule}`` line underlines the title as long as the title came out."""
    title = template.split("\n", 1)[0].format(**values)
    return template.format(**values, rule="=" * len(title))


def _windows_text(text: str) -> bytes:
    return "\ufeff".encode("utf-8") + text.replace("\n", "\r\n").encode("utf-8")
