; Inno Setup 6 script (UTF-8 with BOM so that Inno Setup before 6.3 reads the Chinese text): the Windows installer of 党支部工作台 (dangjian-desktop).
;
;   python packaging/build.py --bundle                       (makes dist\dangjian-desktop\)
;   ISCC.exe /DAppVersion=0.1.0 packaging\windows\dangjian.iss  (makes dist\dangjian-desktop-0.1.0-setup.exe)
;
; Installed per machine under Program Files: a per-user install lives under the user's profile,
; and profiles with Chinese user names break Qt programs started from there. User data lives in
; %LOCALAPPDATA%\dangjian-desktop (platformdirs), which this installer never creates, changes or
; deletes: upgrading or uninstalling leaves every record where it is.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#define AppName "党支部工作台"
#define AppExe "dangjian-desktop.exe"
#define BundleDir "..\..\dist\dangjian-desktop"

[Setup]
; Never change AppId: upgrades find the installed version by it.
AppId={{37EEC66F-9122-4867-8553-45014CB9B735}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=党支部工作台
VersionInfoVersion={#AppVersion}
VersionInfoDescription={#AppName} 安装程序
; ASCII folder name: some old tools and printer drivers mishandle non-ASCII program paths.
DefaultDirName={autopf}\DangjianDesktop
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\..\dist
OutputBaseFilename=dangjian-desktop-{#AppVersion}-setup
SetupIconFile=..\..\resources\icons\app.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
WizardStyle=modern
Compression=lzma2/max
SolidCompression=yes
; Close a running 党支部工作台 before replacing its files (Restart Manager).
CloseApplications=yes
RestartApplications=no

[Languages]
#if FileExists(AddBackslash(SourcePath) + "ChineseSimplified.isl")
Name: "chs"; MessagesFile: "ChineseSimplified.isl"
#else
  #pragma message "ChineseSimplified.isl not found next to this script: the wizard will be in English"
Name: "en"; MessagesFile: "compiler:Default.isl"
#endif

[Tasks]
Name: "desktopicon"; Description: "在桌面创建快捷方式"; GroupDescription: "快捷方式："

[InstallDelete]
; An upgrade first removes the old program files (never the user's data, which is elsewhere),
; so libraries dropped from a newer version cannot linger and be loaded by mistake.
Type: filesandordirs; Name: "{app}\_internal"
Type: files; Name: "{app}\dangjian-desktop.exe"
Type: files; Name: "{app}\dangjian.exe"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; IconFilename: "{app}\{#AppExe}"; Comment: "三会一课、党员花名册、政治生日、发展党员"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; IconFilename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "启动{#AppName}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only what the program itself may leave in its own folder. %LOCALAPPDATA%\dangjian-desktop
; (databases, attachments, backups) is deliberately not listed.
Type: filesandordirs; Name: "{app}\_internal\__pycache__"
