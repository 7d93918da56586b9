; videowall — Windows installer (NSIS 3.08+, Unicode).
;
;   makensis -INPUTCHARSET UTF8 -WX -DVERSION=0.1.0 -DPAYLOAD=<dist\videowall> -DOUTFILE=<setup.exe>
;            [-DSIGN_COMMAND=<command that signs the file given as its last argument>] videowall.nsi
;
; PAYLOAD is PyInstaller's one-dir output (videowall.exe, videowall-cli.exe, _internal\).
; Per-machine install: program in "Program Files\videowall\app", uninstaller registered in Add/Remove
; Programs, a Start-menu shortcut. Station data lives in ProgramData\videowall (writable by every operator,
; i.e. the local Users group) and is never removed: recordings, audit log and exports outlive the program.
; An upgrade removes the previous version's whole "app" folder before copying the new one, so no stale file
; survives; the folder holds nothing but program files. Silent: setup.exe /S [/D=C:\path] (see docs/install.md).

Unicode true
ManifestDPIAware true
SetCompressor /SOLID lzma
RequestExecutionLevel admin

!ifndef VERSION
  !error "define VERSION (-DVERSION=x.y.z)"
!endif
!ifndef PAYLOAD
  !error "define PAYLOAD, the folder PyInstaller wrote (-DPAYLOAD=dist\videowall)"
!endif
!ifndef OUTFILE
  !define OUTFILE "videowall-${VERSION}-setup.exe"
!endif
!ifdef SIGN_COMMAND   ; sign the uninstaller and the installer as they are written
  !uninstfinalize '${SIGN_COMMAND} "%1"' = 0
  !finalize '${SIGN_COMMAND} "%1"' = 0
!endif

!define APP "videowall"
!define PUBLISHER "videowall"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\videowall"
!define APP_KEY "Software\videowall"
!define ENV_KEY "SYSTEM\CurrentControlSet\Control\Session Manager\Environment"
!define DATA_ENV "VIDEOWALL_DATA_DIR"
!define USERS_SID "*S-1-5-32-545"   ; BUILTIN\Users by SID: the group's name is translated ("Użytkownicy")

!include "MUI2.nsh"
!include "LogicLib.nsh"
!include "x64.nsh"
!include "FileFunc.nsh"
!include "WinMessages.nsh"

Name "videowall ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$PROGRAMFILES64\videowall"
BrandingText "videowall ${VERSION}"
ShowInstDetails show
ShowUninstDetails show

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=1033 "ProductName" "videowall"
VIAddVersionKey /LANG=1033 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=1033 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=1033 "FileDescription" "videowall ${VERSION} setup"
VIAddVersionKey /LANG=1033 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=1033 "LegalCopyright" "videowall authors"

; Relative to this file: makensis runs in the script's folder.
!define MUI_ICON "../../resources/icons/videowall.ico"
!define MUI_UNICON "../../resources/icons/videowall.ico"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\app\videowall.exe"
!define MUI_FINISHPAGE_RUN_NOTCHECKED

!define MUI_PAGE_CUSTOMFUNCTION_PRE SkipDirectoryPageOnUpgrade
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "Polish"
!insertmacro MUI_LANGUAGE "English"

LangString MsgNeeds64 ${LANG_POLISH} "videowall wymaga 64-bitowego systemu Windows 10 lub nowszego."
LangString MsgNeeds64 ${LANG_ENGLISH} "videowall needs 64-bit Windows 10 or newer."
LangString MsgRunning ${LANG_POLISH} "videowall jest uruchomiony (lub jego pliki są otwarte). Zamknij program na tym komputerze i kliknij Ponów."
LangString MsgRunning ${LANG_ENGLISH} "videowall is running (or its files are open). Close it on this computer and click Retry."
LangString MsgAclFailed ${LANG_POLISH} "Nie udało się nadać grupie Użytkownicy prawa zapisu do folderu danych:"
LangString MsgAclFailed ${LANG_ENGLISH} "Could not give the Users group write access to the data folder:"
LangString MsgDataKept ${LANG_POLISH} "Dane stanowiska (nagrania, dziennik zdarzeń, eksporty) pozostają w:"
LangString MsgDataKept ${LANG_ENGLISH} "Station data (recordings, audit log, exports) is kept in:"

; Moves the previous "app" folder out of the way and deletes it. A running videowall keeps its files open,
; so the move fails: ask to close it (silent mode: give up with exit code 2).
!macro RemoveProgramFolder
  RMDir /r "$INSTDIR\app.old"
  ${If} ${FileExists} "$INSTDIR\app\videowall.exe"
    retry_move:
    ClearErrors
    Rename "$INSTDIR\app" "$INSTDIR\app.old"
    ${If} ${Errors}
      MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "$(MsgRunning)" /SD IDCANCEL IDRETRY retry_move
      SetErrorLevel 2
      Abort "$(MsgRunning)"
    ${EndIf}
    RMDir /r "$INSTDIR\app.old"
  ${EndIf}
!macroend

Var PreviousDir   ; the folder of an installed version: an upgrade replaces it in place

Function .onInit
  SetShellVarContext all
  ${IfNot} ${RunningX64}
    MessageBox MB_OK|MB_ICONSTOP "$(MsgNeeds64)" /SD IDOK
    SetErrorLevel 2
    Abort
  ${EndIf}
  SetRegView 64
  ReadRegStr $PreviousDir HKLM "${APP_KEY}" "InstallDir"
  ${If} $PreviousDir != ""
    StrCpy $INSTDIR $PreviousDir   ; also over /D=: two copies of the program must not exist side by side
  ${EndIf}
FunctionEnd

Function SkipDirectoryPageOnUpgrade
  ${If} $PreviousDir != ""
    Abort
  ${EndIf}
FunctionEnd

Function un.onInit
  SetShellVarContext all
  SetRegView 64
FunctionEnd

Section "videowall" SecMain
  SectionIn RO
  SetOutPath "$INSTDIR"
  !insertmacro RemoveProgramFolder
  SetOutPath "$INSTDIR\app"
  File /r "${PAYLOAD}/*.*"
  SetOutPath "$INSTDIR"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateShortCut "$SMPROGRAMS\videowall.lnk" "$INSTDIR\app\videowall.exe" "" "$INSTDIR\app\videowall.exe" 0

  ; The shared station folder: every operator (Users) may create and change files; inherited by new files.
  CreateDirectory "$APPDATA\videowall"
  nsExec::ExecToLog '"$SYSDIR\icacls.exe" "$APPDATA\videowall" /grant ${USERS_SID}:(OI)(CI)M'
  Pop $0
  ${If} $0 != 0
    DetailPrint "$(MsgAclFailed) $APPDATA\videowall (icacls: $0)"
    MessageBox MB_OK|MB_ICONEXCLAMATION "$(MsgAclFailed)$\r$\n$APPDATA\videowall" /SD IDOK
  ${EndIf}
  ; The app finds it through VIDEOWALL_DATA_DIR; a value IT set before (another disk, a share) is kept.
  ReadRegStr $0 HKLM "${ENV_KEY}" "${DATA_ENV}"
  ${If} $0 == ""
    WriteRegExpandStr HKLM "${ENV_KEY}" "${DATA_ENV}" "$APPDATA\videowall"
    SendMessage ${HWND_BROADCAST} ${WM_SETTINGCHANGE} 0 "STR:Environment" /TIMEOUT=5000
  ${EndIf}

  WriteRegStr HKLM "${APP_KEY}" "InstallDir" "$INSTDIR"
  WriteRegStr HKLM "${APP_KEY}" "Version" "${VERSION}"
  WriteRegStr HKLM "${UNINST_KEY}" "DisplayName" "videowall"
  WriteRegStr HKLM "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "${UNINST_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKLM "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\app\videowall.exe,0"
  WriteRegStr HKLM "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKLM "${UNINST_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKLM "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKLM "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD HKLM "${UNINST_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD HKLM "${UNINST_KEY}" "EstimatedSize" "$0"
SectionEnd

Section "Uninstall"
  !insertmacro RemoveProgramFolder
  Delete "$SMPROGRAMS\videowall.lnk"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"   ; only when empty: anything else someone put there stays

  ReadRegStr $0 HKLM "${ENV_KEY}" "${DATA_ENV}"
  ${If} $0 == "$APPDATA\videowall"
    DeleteRegValue HKLM "${ENV_KEY}" "${DATA_ENV}"
    SendMessage ${HWND_BROADCAST} ${WM_SETTINGCHANGE} 0 "STR:Environment" /TIMEOUT=5000
  ${EndIf}
  DeleteRegKey HKLM "${UNINST_KEY}"
  DeleteRegKey HKLM "${APP_KEY}"
  ; ProgramData\videowall is deliberately left alone.
  DetailPrint "$(MsgDataKept) $APPDATA\videowall"
SectionEnd
