<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name></name>
    <message>
        <location filename="../../coop_desk/ui/errors.py" line="28"/>
        <source>errors</source>
        <comment>Not allowed</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/errors.py" line="31"/>
        <source>errors</source>
        <comment>Please correct</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/errors.py" line="33"/>
        <source>errors</source>
        <comment>Database problem</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/errors.py" line="35"/>
        <source>errors</source>
        <comment>Cannot do that</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/errors.py" line="41"/>
        <source>errors</source>
        <comment>Unexpected error</comment>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../coop_desk/ui/errors.py" line="44"/>
        <source>errors</source>
        <comment>Something went wrong that coop-desk did not expect. Nothing was saved from the action you were doing; your data is safe. Please report this with the details below.</comment>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../../coop_desk/ui/dialogs/first_run.py" line="28"/>
        <source>Welcome to coop-desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/first_run.py" line="31"/>
        <source>This database is empty. Start your own cooperative, or open the demo cooperative to explore coop-desk with realistic data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/first_run.py" line="36"/>
        <source>Start a &amp;new cooperative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/first_run.py" line="37"/>
        <source>Open the &amp;demo cooperative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/first_run.py" line="43"/>
        <source>Name of the cooperative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/first_run.py" line="65"/>
        <source>Loading the demo cooperative…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/first_run.py" line="69"/>
        <source>Opening the demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/first_run.py" line="73"/>
        <source>Please enter the cooperative&apos;s name.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../coop_desk/ui/main_window.py" line="100"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/main_window.py" line="101"/>
        <source>Cooperative &amp;settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/main_window.py" line="104"/>
        <source>&amp;Back up database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/main_window.py" line="108"/>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/main_window.py" line="119"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/main_window.py" line="124"/>
        <source>&amp;Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/main_window.py" line="127"/>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/main_window.py" line="128"/>
        <source>&amp;Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/main_window.py" line="132"/>
        <source>&amp;New record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/main_window.py" line="137"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/main_window.py" line="138"/>
        <source>&amp;About coop-desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/main_window.py" line="164"/>
        <source>Back up database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/main_window.py" line="166"/>
        <source>SQLite database (*.sqlite)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/main_window.py" line="178"/>
        <source>Backup written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/main_window.py" line="178"/>
        <source>The database was copied to {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/main_window.py" line="185"/>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/main_window.py" line="186"/>
        <source>The language changes the next time coop-desk starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/main_window.py" line="192"/>
        <source>About coop-desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/main_window.py" line="194"/>
        <source>coop-desk {0}
Member register, certifications and Fairtrade Premium ledger for coffee cooperatives.

Database: {1}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MemberEditor</name>
    <message>
        <location filename="../../coop_desk/ui/dialogs/member_editor.py" line="150"/>
        <source>8 digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/member_editor.py" line="165"/>
        <source>&amp;Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/member_editor.py" line="166"/>
        <source>&amp;First names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/member_editor.py" line="167"/>
        <source>&amp;Surnames</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/member_editor.py" line="168"/>
        <source>&amp;DNI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/member_editor.py" line="169"/>
        <source>&amp;Gender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/member_editor.py" line="170"/>
        <source>&amp;Birth date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/member_editor.py" line="171"/>
        <source>&amp;Joined on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/member_editor.py" line="172"/>
        <source>C&amp;ommunity (caserío / sector)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/member_editor.py" line="173"/>
        <source>&amp;Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/member_editor.py" line="174"/>
        <source>&amp;Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/member_editor.py" line="185"/>
        <source>&amp;Add plot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/member_editor.py" line="186"/>
        <source>&amp;Remove plot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/member_editor.py" line="202"/>
        <source>Change &amp;status…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/member_editor.py" line="218"/>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/member_editor.py" line="219"/>
        <source>Plots</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/member_editor.py" line="220"/>
        <source>Status and history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/member_editor.py" line="240"/>
        <source>New member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/member_editor.py" line="243"/>
        <source>A new member starts as active.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/member_editor.py" line="264"/>
        <source>Status: {0} since {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/member_editor.py" line="395"/>
        <source>Discard changes?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/member_editor.py" line="396"/>
        <source>This member has changes that are not saved. Discard them?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MembersPage</name>
    <message>
        <location filename="../../coop_desk/ui/pages/members.py" line="84"/>
        <source>Search code, names, DNI or community (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/members.py" line="87"/>
        <source>All statuses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/members.py" line="91"/>
        <source>Women and men</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/members.py" line="92"/>
        <source>Women</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/members.py" line="93"/>
        <source>Men</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/members.py" line="95"/>
        <location filename="../../coop_desk/ui/pages/members.py" line="200"/>
        <source>All communities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/members.py" line="96"/>
        <source>&amp;New member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/members.py" line="97"/>
        <source>&amp;Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/members.py" line="151"/>
        <source>Members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/members.py" line="185"/>
        <source>{0} members · {1} active · {2} women ({3}%)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../coop_desk/ui/dialogs/settings.py" line="42"/>
        <source>Cooperative settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/settings.py" line="57"/>
        <source>&amp;Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/settings.py" line="58"/>
        <source>S&amp;hort name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/settings.py" line="59"/>
        <source>&amp;Country (ISO code)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/settings.py" line="60"/>
        <source>&amp;Tax id (RUC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/settings.py" line="61"/>
        <source>&amp;Fairtrade FLO ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/settings.py" line="63"/>
        <source>&amp;Reporting currency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/settings.py" line="66"/>
        <source>&amp;Local currency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/settings.py" line="69"/>
        <source>Fiscal year &amp;starts in</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatusChangeDialog</name>
    <message>
        <location filename="../../coop_desk/ui/dialogs/member_editor.py" line="75"/>
        <source>Change status of {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/member_editor.py" line="79"/>
        <source>Current status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/member_editor.py" line="86"/>
        <source>Required: why the status changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/member_editor.py" line="87"/>
        <source>&amp;New status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/member_editor.py" line="88"/>
        <source>&amp;Effective date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/member_editor.py" line="89"/>
        <source>&amp;Reason</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../coop_desk/app.py" line="67"/>
        <source>Cannot open the database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/app.py" line="71"/>
        <source>Open another file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/app.py" line="80"/>
        <source>Open a coop-desk database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/app.py" line="82"/>
        <source>coop-desk database (*.sqlite);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dialog</name>
    <message>
        <location filename="../../coop_desk/ui/workers.py" line="94"/>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <location filename="../../coop_desk/ui/workers.py" line="72"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
