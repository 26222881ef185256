; Inno Setup script for 理赔助手 (per-user install, no admin rights needed).
; Build: iscc /DAppVersion=0.1.0 scripts\packaging\windows\seller-app.iss
; Input: dist\SellerClaims\ from `pyinstaller --noconfirm build.spec`.
; Output: dist\installer\SellerClaims-<version>-setup.exe

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#define AppName "理赔助手"
#define AppExe "seller-app.exe"
#define SourceDir "..\..\..\dist\SellerClaims"

[Setup]
AppId={{6B1C6F2E-3C1E-4C55-9A57-5E2B7C1D8A10}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=SellerClaims
DefaultDirName={localappdata}\Programs\SellerClaims
DefaultGroupName={#AppName}
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
OutputDir=..\..\..\dist\installer
OutputBaseFilename=SellerClaims-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
UninstallDisplayIcon={app}\{#AppExe}
SetupIconFile=..\..\..\resources\icons\app.ico

[Languages]
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{userdesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[Code]
{ User data (cases, photos, backups) lives in %LOCALAPPDATA%\SellerClaims\SellerClaims and is kept
  on uninstall unless the user says otherwise. The encryption key stays in Credential Manager. }
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  DataDir: String;
begin
  if CurUninstallStep = usPostUninstall then
  begin
    DataDir := ExpandConstant('{localappdata}\SellerClaims\SellerClaims');
    if DirExists(DataDir) then
      if MsgBox('是否同时删除所有案件、照片和备份？此操作无法撤销。' + #13#10 +
                'Also delete all cases, photos and backups? This cannot be undone.',
                mbConfirmation, MB_YESNO or MB_DEFBUTTON2) = IDYES then
        DelTree(DataDir, True, True, True);
  end;
end;
