; Inno Setup 6 script: the per-user installer of comite for Windows.
; Built by tools/build_release.py, which passes:
;   /DAppVersion=0.1.0  /DSourceDir=<dist\comite>  /DOutputDir=<dist>  [/DSign /Scomitesign=...]
;
; - No administrator rights: installs into %LOCALAPPDATA%\Programs\comite for the current Windows
;   user ({autopf} under PrivilegesRequired=lowest), shortcuts in that user's Start menu.
; - Upgrades in place: the same AppId finds the previous installation, closes a running comite
;   (Restart Manager), replaces the program folder whole, and leaves the data alone; the database
;   is migrated (after a copy beside it) the next time comite opens it.
; - The uninstaller removes only what it installed. The database, backups, settings and logs live
;   in %LOCALAPPDATA%\SecretariaTecnica\comite (platformdirs), outside the program folder, and stay.

#ifndef AppVersion
  #error Pase /DAppVersion=X.Y.Z (lo hace tools/build_release.py)
#endif
#ifndef SourceDir
  #error Pase /DSourceDir=carpeta de la aplicación empaquetada (lo hace tools/build_release.py)
#endif
#ifndef OutputDir
  #define OutputDir "."
#endif

[Setup]
; Never change AppId: it is how an upgrade recognises the installed version.
AppId={{6C0E3C1A-5B7D-4E0B-9D7A-2F3E8C41A9B5}
AppName=comite
AppVersion={#AppVersion}
AppVerName=comite {#AppVersion}
AppPublisher=Secretaría Técnica de los comités de protección
VersionInfoVersion={#AppVersion}
VersionInfoDescription=comite: secretaría técnica del GVP y de los CERREM
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=
DefaultDirName={autopf}\comite
DisableDirPage=yes
DefaultGroupName=comite
DisableProgramGroupPage=yes
UsePreviousAppDir=yes
CloseApplications=yes
RestartApplications=no
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir={#OutputDir}
OutputBaseFilename=comite-{#AppVersion}-instalador
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
UninstallDisplayName=comite
UninstallDisplayIcon={app}\comite-gui.exe
SetupLogging=yes
#ifdef Sign
SignTool=comitesign
SignedUninstaller=yes
#endif

[Languages]
Name: "spanish"; MessagesFile: "compiler:Languages\Spanish.isl"

[InstallDelete]
; An upgrade replaces the program folder whole: nothing of the previous version lingers beside the new one.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\comite"; Filename: "{app}\comite-gui.exe"; Comment: "Secretaría técnica del GVP y de los CERREM"
Name: "{autoprograms}\comite (herramientas)\comite - demostración con datos ficticios"; Filename: "{app}\comite.exe"; Parameters: "--demo"
Name: "{autoprograms}\comite (herramientas)\Revisar la instalación de comite"; Filename: "{cmd}"; Parameters: "/k ""{app}\comite.exe"" selfcheck"

[Run]
Filename: "{app}\comite-gui.exe"; Description: "Abrir comite"; Flags: nowait postinstall skipifsilent
