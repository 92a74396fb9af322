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
    <message>
        <location filename="../../coop_desk/ui/cert_models.py" line="194"/>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/cert_models.py" line="219"/>
        <source>done {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/cert_models.py" line="221"/>
        <source>overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/cert_models.py" line="223"/>
        <source>open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/cert_models.py" line="249"/>
        <source>not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/cert_models.py" line="250"/>
        <location filename="../../coop_desk/ui/cert_models.py" line="303"/>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/cert_models.py" line="250"/>
        <location filename="../../coop_desk/ui/cert_models.py" line="303"/>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/cert_models.py" line="259"/>
        <source>{0}, expires {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/cert_models.py" line="289"/>
        <source>Override: {0} (computed: {1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/excel_actions.py" line="97"/>
        <source>Export the member register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/excel_actions.py" line="107"/>
        <source>Exporting the member register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/excel_actions.py" line="112"/>
        <location filename="../../coop_desk/ui/excel_actions.py" line="197"/>
        <source>Export finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/excel_actions.py" line="113"/>
        <source>{0} members and {1} plots written to {2}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/excel_actions.py" line="124"/>
        <source>Save the roster template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/excel_actions.py" line="132"/>
        <source>Template saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/excel_actions.py" line="132"/>
        <source>The template was saved to {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/excel_actions.py" line="170"/>
        <location filename="../../coop_desk/ui/excel_actions.py" line="212"/>
        <source>Premium-use report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/excel_actions.py" line="170"/>
        <source>Fiscal year:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/excel_actions.py" line="183"/>
        <source>Export the Premium ledger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/excel_actions.py" line="192"/>
        <source>Exporting the Premium ledger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/excel_actions.py" line="198"/>
        <source>The ledger for {0} ({1} postings) was written to {2}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/excel_actions.py" line="218"/>
        <source>Writing the report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/excel_actions.py" line="222"/>
        <source>Writing the premium-use report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/excel_actions.py" line="227"/>
        <source>Report written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/excel_actions.py" line="228"/>
        <source>The premium-use report {0} was written to {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/excel_actions.py" line="235"/>
        <source>Import a premium cash book</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/excel_actions.py" line="251"/>
        <source>Reading {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/excel_actions.py" line="267"/>
        <source>Member register to &amp;Excel…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/excel_actions.py" line="273"/>
        <source>&amp;Member roster from Excel…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/excel_actions.py" line="277"/>
        <source>Download the roster &amp;template…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/excel_actions.py" line="282"/>
        <source>Premium &amp;ledger workbook…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/excel_actions.py" line="286"/>
        <source>Annual &amp;premium-use report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/excel_actions.py" line="290"/>
        <source>Premium &amp;cash book from Excel…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ApprovalDetailsDialog</name>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/plan.py" line="217"/>
        <source>Correct the record of {0} (version {1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/plan.py" line="223"/>
        <source>Only the record of the meeting changes. The budget it approved (USD {0}) stays; a different budget needs a new approval.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ApprovalDialog</name>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/plan.py" line="138"/>
        <source>General Assembly approval of the {0} plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/plan.py" line="140"/>
        <source>Budget revision {0} (version {1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/plan.py" line="145"/>
        <source>A revision needs its own General Assembly approval. The budget below starts from version {0} (approved {1}, USD {2}); the earlier versions stay in the history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/plan.py" line="156"/>
        <source>Approved budget (USD)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/plan.py" line="160"/>
        <source>no budget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/plan.py" line="171"/>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/plan.py" line="172"/>
        <source>★ counts toward the 25% productivity/quality share</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <location filename="../../coop_desk/ui/pages/audit.py" line="60"/>
        <source>record id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/audit.py" line="62"/>
        <source>&amp;From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/audit.py" line="64"/>
        <source>&amp;To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/audit.py" line="75"/>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/audit.py" line="77"/>
        <source>Table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/audit.py" line="113"/>
        <source>&amp;History of this record…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/audit.py" line="115"/>
        <source>&amp;Check integrity…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/audit.py" line="121"/>
        <source>Fiscal year of the audit pack and the Beancount file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/audit.py" line="122"/>
        <source>Audit &amp;pack…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/audit.py" line="125"/>
        <source>A workbook for the auditor: journal, trial balance, GA approvals, payments with vouchers and receipt hashes, the year&apos;s audit trail, the integrity check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/audit.py" line="130"/>
        <source>&amp;Beancount file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/audit.py" line="132"/>
        <source>The year&apos;s journal for an independent check with Beancount (bean-check)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/audit.py" line="139"/>
        <source>Fiscal year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/audit.py" line="152"/>
        <source>Audit trail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/audit.py" line="201"/>
        <source>(all)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/audit.py" line="225"/>
        <source>{0} audit records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/audit.py" line="288"/>
        <source>Save the audit pack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/audit.py" line="290"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/audit.py" line="303"/>
        <source>Writing the audit pack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/audit.py" line="310"/>
        <source>Audit pack for {0} written to {1} (integrity {2}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/audit.py" line="311"/>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/audit.py" line="311"/>
        <source>FAILED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/audit.py" line="321"/>
        <source>Save the Beancount file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/audit.py" line="323"/>
        <source>Beancount file (*.beancount)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/audit.py" line="330"/>
        <source>Writing the journal…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/audit.py" line="335"/>
        <source>Writing the Beancount file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/audit.py" line="342"/>
        <source>Beancount file written to {0} ({1} transactions).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BalancesTab</name>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/tabs.py" line="534"/>
        <source>Premium fund (USD value)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/tabs.py" line="563"/>
        <source>Projects {0}: approved USD {1}, spent USD {2}, remaining USD {3}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BuyerDialog</name>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/setup.py" line="21"/>
        <source>New buyer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/setup.py" line="25"/>
        <source>&amp;Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/setup.py" line="26"/>
        <source>&amp;Country</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/setup.py" line="27"/>
        <source>N&amp;otes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CashRowsModel</name>
    <message>
        <location filename="../../coop_desk/ui/dialogs/ledger_excel.py" line="95"/>
        <source>Row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/ledger_excel.py" line="96"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/ledger_excel.py" line="97"/>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/ledger_excel.py" line="98"/>
        <source>Voucher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/ledger_excel.py" line="99"/>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/ledger_excel.py" line="100"/>
        <source>Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/ledger_excel.py" line="101"/>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/ledger_excel.py" line="103"/>
        <source>Problems</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CashbookDialog</name>
    <message>
        <location filename="../../coop_desk/ui/dialogs/ledger_excel.py" line="119"/>
        <source>Import a premium cash book</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/ledger_excel.py" line="130"/>
        <source>Sheet “{0}”, header on row {1}. Opening {2}, income {3}, expense {4}, closing {5}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/ledger_excel.py" line="142"/>
        <source>Row {0} skipped: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/ledger_excel.py" line="149"/>
        <source>units per USD, for an account not in USD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/ledger_excel.py" line="151"/>
        <source>(none: report them)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/ledger_excel.py" line="156"/>
        <source>Create the projects not in the plan: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/ledger_excel.py" line="161"/>
        <source>Into the &amp;account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/ledger_excel.py" line="162"/>
        <source>Exchange &amp;rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/ledger_excel.py" line="164"/>
        <source>Expenses without a &amp;project go to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/ledger_excel.py" line="168"/>
        <source>&amp;Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/ledger_excel.py" line="208"/>
        <source>Posting the cash book</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CertificateDialog</name>
    <message>
        <location filename="../../coop_desk/ui/dialogs/certificate.py" line="48"/>
        <source>Edit certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/certificate.py" line="48"/>
        <source>New certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/certificate.py" line="53"/>
        <source>Add scheme…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/certificate.py" line="62"/>
        <source>FLO ID for Fairtrade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/certificate.py" line="69"/>
        <source>no document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/certificate.py" line="70"/>
        <source>Choose file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/certificate.py" line="77"/>
        <source>&amp;Scheme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/certificate.py" line="78"/>
        <source>&amp;Certifier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/certificate.py" line="79"/>
        <source>&amp;Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/certificate.py" line="80"/>
        <source>&amp;Issued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/certificate.py" line="81"/>
        <source>&amp;Expires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/certificate.py" line="82"/>
        <source>Sco&amp;pe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/certificate.py" line="83"/>
        <source>N&amp;otes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/certificate.py" line="84"/>
        <source>&amp;Document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/certificate.py" line="118"/>
        <source>{0} (SHA-256 {1}…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/certificate.py" line="125"/>
        <source>Add scheme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/certificate.py" line="126"/>
        <source>Name of the scheme (e.g. Rainforest Alliance):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/certificate.py" line="133"/>
        <source>Certificate document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/certificate.py" line="135"/>
        <source>Documents (*.pdf *.jpg *.jpeg *.png *.tif *.tiff);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CertificationsPage</name>
    <message>
        <location filename="../../coop_desk/ui/pages/certifications.py" line="57"/>
        <source>New certificate…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/certifications.py" line="58"/>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/certifications.py" line="59"/>
        <source>Open document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/certifications.py" line="87"/>
        <source>New inspection…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/certifications.py" line="88"/>
        <source>Sanction…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/certifications.py" line="89"/>
        <source>Mark done…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/certifications.py" line="90"/>
        <source>Export ICS list…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/certifications.py" line="103"/>
        <source>Not yet inspected this year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/certifications.py" line="111"/>
        <source>Corrective actions due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/certifications.py" line="124"/>
        <source>New sanction…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/certifications.py" line="138"/>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/certifications.py" line="145"/>
        <source>Look ahead:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/certifications.py" line="152"/>
        <source>Certificates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/certifications.py" line="153"/>
        <source>Internal Control System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/certifications.py" line="154"/>
        <source>Sanctions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/certifications.py" line="155"/>
        <source>Alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/certifications.py" line="161"/>
        <source>Certifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/certifications.py" line="176"/>
        <source>ICS coverage {0}: {1} of {2} members inspected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/certifications.py" line="186"/>
        <source>Target 100%. Certifier&apos;s re-inspection sample: {0} members. Awaiting committee approval: {1}. Overdue corrective actions: {2}.
{3}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/certifications.py" line="190"/>
        <source>Not yet inspected in {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/certifications.py" line="195"/>
        <source>{0} certificates · ICS coverage {1}% · {2} alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/certifications.py" line="266"/>
        <source>Select a certificate to edit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/certifications.py" line="274"/>
        <source>Select a member in the schedule first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/certifications.py" line="277"/>
        <source>Select a corrective action first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/certifications.py" line="282"/>
        <source>The selected certificate has no document.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/certifications.py" line="286"/>
        <source>The document file is missing: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/certifications.py" line="297"/>
        <source>Export the ICS list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/certifications.py" line="299"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/certifications.py" line="328"/>
        <source>Exporting the ICS list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/certifications.py" line="330"/>
        <source>Export cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/certifications.py" line="335"/>
        <source>ICS list written to {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../coop_desk/ui/dialogs/change_password.py" line="36"/>
        <source>Change password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/change_password.py" line="42"/>
        <source>An administrator set your password. Choose your own password now (at least {0} characters).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/change_password.py" line="52"/>
        <source>&amp;Current password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/change_password.py" line="53"/>
        <source>&amp;New password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/change_password.py" line="54"/>
        <source>&amp;Repeat it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/change_password.py" line="67"/>
        <source>the two new passwords differ</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CloseYearDialog</name>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/years.py" line="21"/>
        <source>Close fiscal year {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/years.py" line="24"/>
        <source>Closing {0} locks it: nothing more can be recorded in it. Each account&apos;s balance and the Premium fund are carried into {1}. Only an administrator can reopen it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/years.py" line="30"/>
        <source>Optional, e.g. accounts approved by the GA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/years.py" line="31"/>
        <source>&amp;Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/years.py" line="32"/>
        <source>&amp;Close year</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CompleteActionDialog</name>
    <message>
        <location filename="../../coop_desk/ui/dialogs/cert_records.py" line="352"/>
        <source>Corrective action done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/cert_records.py" line="355"/>
        <source>{0} {1}: {2} (due {3})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/cert_records.py" line="367"/>
        <source>&amp;Completed on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/cert_records.py" line="369"/>
        <source>&amp;Note</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ComplianceTab</name>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/tabs.py" line="586"/>
        <source>&amp;Check again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/tabs.py" line="610"/>
        <source>{0}: every check passed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/tabs.py" line="613"/>
        <source>{0}: {1} integrity errors, {2} compliance warnings.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContractDialog</name>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/contract.py" line="50"/>
        <source>New contract</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/contract.py" line="52"/>
        <source>Contract {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/contract.py" line="63"/>
        <source>New &amp;buyer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/contract.py" line="75"/>
        <source>Organic certified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/contract.py" line="77"/>
        <source>Washed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/contract.py" line="78"/>
        <source>Natural</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/contract.py" line="82"/>
        <source>bags of 69 kg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/contract.py" line="83"/>
        <source>kg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/contract.py" line="94"/>
        <source>&amp;Buyer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/contract.py" line="95"/>
        <source>Contract &amp;number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/contract.py" line="96"/>
        <source>&amp;Signing date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/contract.py" line="97"/>
        <source>Sc&amp;heme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/contract.py" line="99"/>
        <source>&amp;Process</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/contract.py" line="100"/>
        <source>&amp;Quantity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/contract.py" line="101"/>
        <source>Shi&amp;pment date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/contract.py" line="102"/>
        <source>N&amp;otes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/contract.py" line="103"/>
        <source>Premium</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/contract.py" line="137"/>
        <source>the quantity is not a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/contract.py" line="140"/>
        <source>give the quantity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/contract.py" line="150"/>
        <source>conventional sale: no premium</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/contract.py" line="152"/>
        <source>no rate in force on the signing date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/contract.py" line="154"/>
        <source>{0} lb · {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/contract.py" line="158"/>
        <source>{0} lb × USD {1} = premium due USD {2}
organic differential USD {3} · productivity/quality share (25%) USD {4}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContractsTab</name>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/tabs.py" line="109"/>
        <source>Search contract number or buyer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/tabs.py" line="111"/>
        <source>&amp;New contract…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/tabs.py" line="112"/>
        <source>&amp;Edit contract…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/tabs.py" line="113"/>
        <source>Record &amp;shipment…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/tabs.py" line="115"/>
        <source>Premium &amp;received…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/tabs.py" line="117"/>
        <source>&amp;Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/tabs.py" line="119"/>
        <source>Only a contract entered by mistake, with no shipment or payment recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/tabs.py" line="165"/>
        <source>{0} contracts · premium due USD {1} · received USD {2} · outstanding USD {3}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DecisionDialog</name>
    <message>
        <location filename="../../coop_desk/ui/dialogs/cert_records.py" line="206"/>
        <source>Approval committee decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/cert_records.py" line="217"/>
        <source>minutes / act number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/cert_records.py" line="220"/>
        <source>&amp;Decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/cert_records.py" line="221"/>
        <source>D&amp;ate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/cert_records.py" line="223"/>
        <source>&amp;Inspection report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/cert_records.py" line="225"/>
        <source>&amp;Reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/cert_records.py" line="226"/>
        <source>&amp;Notes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EntryDialog</name>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/entry.py" line="70"/>
        <source>Journal entry {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/entry.py" line="82"/>
        <source>Entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/entry.py" line="83"/>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/entry.py" line="84"/>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/entry.py" line="85"/>
        <source>Reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/entry.py" line="87"/>
        <source>Payee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/entry.py" line="88"/>
        <source>Voucher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/entry.py" line="90"/>
        <source>Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/entry.py" line="92"/>
        <source>Contract</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/entry.py" line="93"/>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/entry.py" line="96"/>
        <source>the stored copy is missing from the documents folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/entry.py" line="98"/>
        <source>stored copy checked: identical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/entry.py" line="100"/>
        <source>WARNING: the stored copy was changed since it was recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/entry.py" line="103"/>
        <source>Scanned receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/entry.py" line="107"/>
        <source>Reverses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/entry.py" line="109"/>
        <source>Reversed by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/entry.py" line="112"/>
        <source>Recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/entry.py" line="113"/>
        <source>by {0} on {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/entry.py" line="119"/>
        <source>Posted entries cannot be changed or deleted. To correct one, reverse it from the journal and record the right operation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/entry.py" line="140"/>
        <source>Go to linked entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/entry.py" line="144"/>
        <source>History…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/entry.py" line="150"/>
        <source>Open scanned receipt</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <location filename="../../coop_desk/ui/dialogs/import_wizard.py" line="112"/>
        <source>Choose the roster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/import_wizard.py" line="115"/>
        <source>An Excel workbook (.xlsx) with one member per row. Title rows above the headers, blank rows and a totals row are fine; headers may be in Spanish or English, in any order.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/import_wizard.py" line="121"/>
        <source>Path of the .xlsx file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/import_wizard.py" line="122"/>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/import_wizard.py" line="124"/>
        <source>&amp;Download template…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/import_wizard.py" line="128"/>
        <location filename="../../coop_desk/ui/dialogs/import_wizard.py" line="149"/>
        <source>(found automatically)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/import_wizard.py" line="132"/>
        <source>&amp;Sheet:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/import_wizard.py" line="163"/>
        <source>Import a member roster</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../../coop_desk/ui/dialogs/first_run.py" line="33"/>
        <source>Welcome to coop-desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/first_run.py" line="36"/>
        <source>This database is empty. Start your own cooperative, or open the demo cooperative to explore coop-desk with realistic data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/first_run.py" line="41"/>
        <source>Start a &amp;new cooperative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/first_run.py" line="42"/>
        <source>Open the &amp;demo cooperative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/first_run.py" line="48"/>
        <source>Name of the cooperative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/first_run.py" line="63"/>
        <source>Administrator&apos;s &amp;user name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/first_run.py" line="64"/>
        <source>&amp;Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/first_run.py" line="65"/>
        <source>&amp;Repeat the password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/first_run.py" line="89"/>
        <source>Loading the demo cooperative…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/first_run.py" line="93"/>
        <source>Opening the demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/first_run.py" line="109"/>
        <source>Please enter the cooperative&apos;s name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/first_run.py" line="113"/>
        <source>Please enter the administrator&apos;s user name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/first_run.py" line="115"/>
        <source>The two passwords differ.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <location filename="../../coop_desk/ui/dialogs/history.py" line="41"/>
        <source>History of {0} {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/history.py" line="81"/>
        <source>{0} changes recorded; last by {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/history.py" line="85"/>
        <source>No change of this record is in the audit trail.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location filename="../../coop_desk/ui/dialogs/import_wizard.py" line="349"/>
        <source>Import a member roster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/import_wizard.py" line="378"/>
        <source>Reading {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/import_wizard.py" line="397"/>
        <source>Comparing with the register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/import_wizard.py" line="419"/>
        <source>Importing members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/import_wizard.py" line="423"/>
        <source>Nothing was imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/import_wizard.py" line="439"/>
        <source>Import finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/import_wizard.py" line="441"/>
        <source>{0} members added, {1} updated, {2} unchanged, {3} rows not imported.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InspectionDialog</name>
    <message>
        <location filename="../../coop_desk/ui/dialogs/inspection.py" line="57"/>
        <source>Internal inspection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/inspection.py" line="81"/>
        <source>kg of green coffee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/inspection.py" line="83"/>
        <source>none known</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/inspection.py" line="84"/>
        <source>date known:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/inspection.py" line="96"/>
        <source>what the member must do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/inspection.py" line="98"/>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/inspection.py" line="100"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/inspection.py" line="118"/>
        <source>&amp;Member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/inspection.py" line="119"/>
        <source>&amp;Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/inspection.py" line="120"/>
        <source>&amp;Inspector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/inspection.py" line="121"/>
        <source>&amp;Plots visited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/inspection.py" line="122"/>
        <source>&amp;Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/inspection.py" line="123"/>
        <source>&amp;Findings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/inspection.py" line="125"/>
        <source>Corrective &amp;actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/inspection.py" line="128"/>
        <source>&amp;Yield estimate (kg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/inspection.py" line="131"/>
        <source>Last &amp;prohibited input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/inspection.py" line="188"/>
        <source>describe the action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/inspection.py" line="193"/>
        <source>{0} — due {1}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JournalTab</name>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/tabs.py" line="301"/>
        <source>Search number, description, payee, voucher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/tabs.py" line="304"/>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/tabs.py" line="306"/>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/tabs.py" line="313"/>
        <source>One row per entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/tabs.py" line="314"/>
        <source>One row per posting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/tabs.py" line="316"/>
        <source>&amp;Open entry…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/tabs.py" line="318"/>
        <source>&amp;Go to linked entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/tabs.py" line="320"/>
        <source>&amp;Reverse entry…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/tabs.py" line="371"/>
        <source>All projects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/tabs.py" line="372"/>
        <source>All accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/tabs.py" line="436"/>
        <source>{0} entries, {1} postings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/tabs.py" line="439"/>
        <source>{0} entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/tabs.py" line="491"/>
        <source>Open entry…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/tabs.py" line="493"/>
        <source>Go to linked entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/tabs.py" line="498"/>
        <source>Reverse entry…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LedgerSettingsDialog</name>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/setup.py" line="71"/>
        <source>Premium ledger settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/setup.py" line="75"/>
        <source>Warn: record it, and the compliance checks report it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/setup.py" line="77"/>
        <source>Block: refuse the payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/setup.py" line="81"/>
        <source> days after shipment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/setup.py" line="84"/>
        <source>Payments without or beyond
the approved budget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/setup.py" line="88"/>
        <source>Premium is &amp;overdue</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../coop_desk/ui/dialogs/login.py" line="50"/>
        <source>Sign in to coop-desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/login.py" line="52"/>
        <source>Sign in with your user name and password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/login.py" line="60"/>
        <source>&amp;User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/login.py" line="61"/>
        <source>&amp;Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/login.py" line="64"/>
        <source>&amp;Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/login.py" line="83"/>
        <source>Please enter your user name.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../coop_desk/ui/main_window.py" line="101"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/main_window.py" line="102"/>
        <source>Cooperative &amp;settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/main_window.py" line="105"/>
        <source>&amp;Back up database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/main_window.py" line="109"/>
        <source>&amp;Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/main_window.py" line="110"/>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/main_window.py" line="121"/>
        <source>Change &amp;password…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/main_window.py" line="124"/>
        <source>S&amp;witch user…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/main_window.py" line="128"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/main_window.py" line="133"/>
        <source>&amp;Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/main_window.py" line="136"/>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/main_window.py" line="137"/>
        <source>&amp;Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/main_window.py" line="141"/>
        <source>&amp;New record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/main_window.py" line="146"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/main_window.py" line="147"/>
        <source>&amp;About coop-desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/main_window.py" line="193"/>
        <source>Back up database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/main_window.py" line="195"/>
        <source>SQLite database (*.sqlite)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/main_window.py" line="207"/>
        <source>Backup written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/main_window.py" line="207"/>
        <source>The database was copied to {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/main_window.py" line="214"/>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/main_window.py" line="215"/>
        <source>The language changes the next time coop-desk starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/main_window.py" line="221"/>
        <source>About coop-desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/main_window.py" line="223"/>
        <source>coop-desk {0}
Member register, certifications and Fairtrade Premium ledger for coffee cooperatives.

Database: {1}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <location filename="../../coop_desk/ui/dialogs/import_wizard.py" line="193"/>
        <source>Columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/import_wizard.py" line="196"/>
        <source>What each column of the sheet holds. Recognised columns are already chosen; pick a field for any other column you want to import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/import_wizard.py" line="225"/>
        <source>Sheet “{0}”, headers on row {1}, {2} member rows, {3} rows skipped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/import_wizard.py" line="233"/>
        <source>Column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/import_wizard.py" line="233"/>
        <source>Header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/import_wizard.py" line="233"/>
        <source>Examples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/import_wizard.py" line="233"/>
        <source>Import as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/import_wizard.py" line="242"/>
        <source>(not imported)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MemberCertificationTab</name>
    <message>
        <location filename="../../coop_desk/ui/member_certs_tab.py" line="87"/>
        <source>New inspection…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/member_certs_tab.py" line="88"/>
        <source>Sanction…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/member_certs_tab.py" line="89"/>
        <source>Committee decision…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/member_certs_tab.py" line="90"/>
        <source>Plot organic status…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/member_certs_tab.py" line="91"/>
        <source>Scheme scope…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/member_certs_tab.py" line="92"/>
        <source>Member certificate…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/member_certs_tab.py" line="112"/>
        <source>Schemes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/member_certs_tab.py" line="115"/>
        <source>Plots</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/member_certs_tab.py" line="116"/>
        <source>Internal inspections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/member_certs_tab.py" line="117"/>
        <source>Sanctions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/member_certs_tab.py" line="149"/>
        <source>Save the member first to record certification data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/member_certs_tab.py" line="170"/>
        <source>Register: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/member_certs_tab.py" line="173"/>
        <source>ICS approved since {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/member_certs_tab.py" line="176"/>
        <source>ICS committee: {0} on {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/member_certs_tab.py" line="182"/>
        <source>awaiting the ICS committee&apos;s approval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/member_certs_tab.py" line="184"/>
        <source>excluded from the organic group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/member_certs_tab.py" line="186"/>
        <source>suspended: plots do not count as certified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/member_certs_tab.py" line="189"/>
        <source>last inspection {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/member_certs_tab.py" line="191"/>
        <source>never inspected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/member_certs_tab.py" line="194"/>
        <source>not inspected in {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MemberEditor</name>
    <message>
        <location filename="../../coop_desk/ui/dialogs/member_editor.py" line="151"/>
        <source>8 digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/member_editor.py" line="166"/>
        <source>&amp;Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/member_editor.py" line="167"/>
        <source>&amp;First names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/member_editor.py" line="168"/>
        <source>&amp;Surnames</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/member_editor.py" line="169"/>
        <source>&amp;DNI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/member_editor.py" line="170"/>
        <source>&amp;Gender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/member_editor.py" line="171"/>
        <source>&amp;Birth date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/member_editor.py" line="172"/>
        <source>&amp;Joined on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/member_editor.py" line="173"/>
        <source>C&amp;ommunity (caserío / sector)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/member_editor.py" line="174"/>
        <source>&amp;Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/member_editor.py" line="175"/>
        <source>&amp;Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/member_editor.py" line="186"/>
        <source>&amp;Add plot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/member_editor.py" line="187"/>
        <source>&amp;Remove plot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/member_editor.py" line="203"/>
        <source>Change &amp;status…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/member_editor.py" line="219"/>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/member_editor.py" line="220"/>
        <source>Plots</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/member_editor.py" line="221"/>
        <source>Status and history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/member_editor.py" line="223"/>
        <source>Certification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/member_editor.py" line="243"/>
        <source>New member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/member_editor.py" line="247"/>
        <source>A new member starts as active.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/member_editor.py" line="269"/>
        <source>Status: {0} since {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/member_editor.py" line="400"/>
        <source>Discard changes?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/member_editor.py" line="401"/>
        <source>This member has changes that are not saved. Discard them?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MembersPage</name>
    <message>
        <location filename="../../coop_desk/ui/pages/members.py" line="85"/>
        <source>Search code, names, DNI or community (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/members.py" line="88"/>
        <source>All statuses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/members.py" line="92"/>
        <source>Women and men</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/members.py" line="93"/>
        <source>Women</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/members.py" line="94"/>
        <source>Men</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/members.py" line="96"/>
        <location filename="../../coop_desk/ui/pages/members.py" line="211"/>
        <source>All communities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/members.py" line="97"/>
        <source>&amp;New member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/members.py" line="98"/>
        <source>&amp;Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/members.py" line="99"/>
        <source>&amp;Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/members.py" line="100"/>
        <source>Import a member roster from an Excel workbook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/members.py" line="101"/>
        <source>E&amp;xport…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/members.py" line="103"/>
        <source>Write the register, with plots, to an Excel workbook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/members.py" line="162"/>
        <source>Members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/members.py" line="196"/>
        <source>{0} members · {1} active · {2} women ({3}%)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MoneyAccountDialog</name>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/setup.py" line="41"/>
        <source>New bank or cash account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/setup.py" line="43"/>
        <source>e.g. Banco de la Nación USD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/setup.py" line="45"/>
        <source>Bank account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/setup.py" line="46"/>
        <source>Cash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/setup.py" line="52"/>
        <source>Bank, account number (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/setup.py" line="53"/>
        <source>&amp;Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/setup.py" line="54"/>
        <source>&amp;Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/setup.py" line="55"/>
        <source>C&amp;urrency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/setup.py" line="56"/>
        <source>&amp;Bank details</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OpeningBalanceDialog</name>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="476"/>
        <source>Opening balance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="479"/>
        <source>What the cooperative already held in a bank or cash account, or what a buyer still owed it, when it started keeping its books in coop-desk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="491"/>
        <source>Optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="497"/>
        <source>&amp;Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="498"/>
        <source>&amp;Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="499"/>
        <source>A&amp;mount held</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="500"/>
        <source>Exchange &amp;rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="501"/>
        <source>D&amp;escription</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PeriodDialog</name>
    <message>
        <location filename="../../coop_desk/ui/dialogs/ledger_excel.py" line="42"/>
        <source>Premium ledger workbook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/ledger_excel.py" line="44"/>
        <source>Fiscal &amp;year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/ledger_excel.py" line="45"/>
        <source>Date &amp;range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/ledger_excel.py" line="56"/>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/ledger_excel.py" line="82"/>
        <source>The end of the period is before its start.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlanTab</name>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/tabs.py" line="207"/>
        <source>New &amp;project…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/tabs.py" line="209"/>
        <source>&amp;Edit project…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/tabs.py" line="211"/>
        <source>&amp;GA approval…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/tabs.py" line="212"/>
        <source>Budget &amp;revision…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/tabs.py" line="214"/>
        <source>&amp;Correct meeting record…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/tabs.py" line="234"/>
        <source>General Assembly approvals of this year&apos;s plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/tabs.py" line="265"/>
        <source>Development Plan {0}: not yet approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/tabs.py" line="268"/>
        <source>Development Plan {0}: USD {1}, version {2} approved {3}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlotOrganicDialog</name>
    <message>
        <location filename="../../coop_desk/ui/dialogs/cert_records.py" line="264"/>
        <source>Organic status of {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/cert_records.py" line="266"/>
        <source>In organic conversion since:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/cert_records.py" line="273"/>
        <source>(computed from the dates)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/cert_records.py" line="281"/>
        <source>Computed status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/cert_records.py" line="282"/>
        <source>&amp;Override</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/cert_records.py" line="284"/>
        <source>Override &amp;reason</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PremiumPage</name>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/__init__.py" line="91"/>
        <source>Fiscal year </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/__init__.py" line="95"/>
        <source>Premium received…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/__init__.py" line="96"/>
        <source>Project payment…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/__init__.py" line="97"/>
        <source>Transfer / exchange…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/__init__.py" line="98"/>
        <source>Opening balance…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/__init__.py" line="100"/>
        <source>Close year…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/__init__.py" line="101"/>
        <source>Reopen year…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/__init__.py" line="103"/>
        <location filename="../../coop_desk/ui/pages/premium/__init__.py" line="115"/>
        <source>Set up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/__init__.py" line="104"/>
        <source>New buyer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/__init__.py" line="106"/>
        <source>New bank or cash account…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/__init__.py" line="110"/>
        <source>Premium price table…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/__init__.py" line="112"/>
        <source>Ledger settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/__init__.py" line="133"/>
        <source>Contracts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/__init__.py" line="134"/>
        <source>Plan &amp;&amp; budget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/__init__.py" line="135"/>
        <source>Journal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/__init__.py" line="136"/>
        <source>Project balances</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/__init__.py" line="137"/>
        <source>Compliance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/__init__.py" line="154"/>
        <source>Premium</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/__init__.py" line="175"/>
        <source> (closed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/__init__.py" line="213"/>
        <source>closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/__init__.py" line="213"/>
        <source>open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/__init__.py" line="216"/>
        <source>Premium available: USD {0} · in bank and cash USD {1} · receivable USD {2} · {3} {4}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/__init__.py" line="229"/>
        <source> closed </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/__init__.py" line="229"/>
        <source> open </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/__init__.py" line="442"/>
        <source>Delete contract {0} with {1}? It has no shipment or payment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/__init__.py" line="445"/>
        <source>Delete contract</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PremiumReceiptDialog</name>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="77"/>
        <source>Premium received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="80"/>
        <source>Record premium a buyer paid. Give what reached the account and, if the bank deducted charges on the way, the charges: both settle the contract.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="94"/>
        <source>{0} · {1} · outstanding USD {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="99"/>
        <source>No contract recorded (cash book)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="115"/>
        <source>Bank transfer reference (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="117"/>
        <source>Optional: filled in from the contract</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="118"/>
        <source>&amp;Contract</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="119"/>
        <source>Paid &amp;into</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="120"/>
        <source>&amp;Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="121"/>
        <source>&amp;Amount received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="122"/>
        <source>Bank &amp;charges</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="123"/>
        <source>Exchange &amp;rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="124"/>
        <source>&amp;Reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="125"/>
        <source>D&amp;escription</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <location filename="../../coop_desk/ui/dialogs/import_wizard.py" line="276"/>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/import_wizard.py" line="278"/>
        <source>What the import will do, row by row. Nothing is saved until you import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/import_wizard.py" line="295"/>
        <source>&amp;Skip the rows with errors and import the others</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/import_wizard.py" line="302"/>
        <source>&amp;Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/import_wizard.py" line="311"/>
        <source>{0} new, {1} to update, {2} unchanged, {3} with errors, {4} rows skipped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/import_wizard.py" line="321"/>
        <source>Nothing is imported while a row has errors, unless you choose to skip them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/import_wizard.py" line="328"/>
        <source>Skipped {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProjectDialog</name>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/plan.py" line="78"/>
        <source>New project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/plan.py" line="80"/>
        <source>Project {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/plan.py" line="87"/>
        <source>Counts toward the 25% productivity/quality share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/plan.py" line="88"/>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/plan.py" line="90"/>
        <source>&amp;Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/plan.py" line="91"/>
        <source>&amp;Objective</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/plan.py" line="92"/>
        <source>&amp;Responsible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/plan.py" line="93"/>
        <source>&amp;Timeline</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProjectPaymentDialog</name>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="182"/>
        <source>Project payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="205"/>
        <source>Required: number of the invoice or receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="207"/>
        <source>What was bought or paid for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="210"/>
        <source>Optional scanned receipt (PDF, image)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="211"/>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="218"/>
        <source>&amp;Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="220"/>
        <source>Paid &amp;from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="221"/>
        <source>&amp;Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="222"/>
        <source>&amp;Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="223"/>
        <source>Exchange &amp;rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="224"/>
        <source>Pa&amp;yee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="225"/>
        <source>&amp;Voucher number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="226"/>
        <source>D&amp;escription</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="227"/>
        <source>&amp;Reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="228"/>
        <source>Scanned recei&amp;pt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="254"/>
        <source>No budget approved by the General Assembly for {0} on {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="262"/>
        <source>Budget {0}: USD {1} approved, {2} spent, {3} left.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="275"/>
        <source>Scanned receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="277"/>
        <source>Receipts (*.pdf *.png *.jpg *.jpeg *.tif *.tiff);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RatesDialog</name>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/rates.py" line="69"/>
        <source>Premium price table (USD per lb)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/rates.py" line="80"/>
        <source>Add a row, or correct the selected one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/rates.py" line="91"/>
        <source>Sc&amp;heme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/rates.py" line="92"/>
        <source>Valid &amp;from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/rates.py" line="94"/>
        <source>Minimum, &amp;washed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/rates.py" line="97"/>
        <source>Minimum, &amp;natural</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/rates.py" line="99"/>
        <source>&amp;Premium</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/rates.py" line="100"/>
        <source>&amp;Organic differential</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/rates.py" line="101"/>
        <source>N&amp;ote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/rates.py" line="103"/>
        <source>&amp;Add row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/rates.py" line="104"/>
        <source>&amp;Correct selected row</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReopenYearDialog</name>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/years.py" line="43"/>
        <source>Reopen fiscal year {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/years.py" line="46"/>
        <source>Reopening {0} reverses the balances it carried into {1} and allows corrections in it. The reason is kept in the year&apos;s history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/years.py" line="51"/>
        <source>Required: why the year is reopened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/years.py" line="52"/>
        <source>&amp;Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/years.py" line="53"/>
        <source>&amp;Reopen year</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <location filename="../../coop_desk/ui/pages/users.py" line="141"/>
        <source>Reset the password of {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/users.py" line="146"/>
        <source>&amp;New password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/users.py" line="147"/>
        <source>&amp;Repeat it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/users.py" line="160"/>
        <source>the two passwords differ</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReverseEntryDialog</name>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="550"/>
        <source>Reverse entry {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="553"/>
        <source>Entry {0} ({1}, {2}) stays in the journal. A reversal entry cancels it, linked to it; then record the correct operation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="559"/>
        <source>Required: why the entry is reversed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="560"/>
        <source>Reversal &amp;date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="561"/>
        <source>&amp;Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="562"/>
        <source>&amp;Reverse</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RoleDialog</name>
    <message>
        <location filename="../../coop_desk/ui/pages/users.py" line="186"/>
        <source>Role of {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/users.py" line="192"/>
        <source>&amp;Role</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SanctionDialog</name>
    <message>
        <location filename="../../coop_desk/ui/dialogs/cert_records.py" line="111"/>
        <source>Sanction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/cert_records.py" line="126"/>
        <source>ends on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/cert_records.py" line="132"/>
        <source>&amp;Member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/cert_records.py" line="133"/>
        <source>&amp;Sanction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/cert_records.py" line="134"/>
        <source>&amp;Decided on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/cert_records.py" line="135"/>
        <source>&amp;From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/cert_records.py" line="141"/>
        <source>&amp;To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/cert_records.py" line="142"/>
        <source>&amp;Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/cert_records.py" line="143"/>
        <source>&amp;Inspection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/cert_records.py" line="160"/>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SchemeScopeDialog</name>
    <message>
        <location filename="../../coop_desk/ui/dialogs/cert_records.py" line="315"/>
        <source>{0}: certified scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/cert_records.py" line="318"/>
        <source>In the certified scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/cert_records.py" line="323"/>
        <source>&amp;Since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/cert_records.py" line="324"/>
        <source>&amp;Notes</source>
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
    <name>ShipmentDialog</name>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/contract.py" line="207"/>
        <source>Record shipment of {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/contract.py" line="210"/>
        <source>Contract {0} with {1}, signed {2}: premium due USD {3}. Once the shipment is recorded the buyer owes it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/contract.py" line="220"/>
        <source>&amp;Shipment date</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatusChangeDialog</name>
    <message>
        <location filename="../../coop_desk/ui/dialogs/member_editor.py" line="76"/>
        <source>Change status of {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/member_editor.py" line="80"/>
        <source>Current status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/member_editor.py" line="87"/>
        <source>Required: why the status changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/member_editor.py" line="88"/>
        <source>&amp;New status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/member_editor.py" line="89"/>
        <source>&amp;Effective date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/member_editor.py" line="90"/>
        <source>&amp;Reason</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TransferDialog</name>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="331"/>
        <source>Transfer / currency exchange</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="334"/>
        <source>Money moved between the cooperative&apos;s accounts. For an exchange (USD to PEN) give the amount that left and the amount that arrived: the rate follows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="356"/>
        <source>Optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="358"/>
        <source>&amp;From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="359"/>
        <source>&amp;To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="360"/>
        <source>&amp;Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="362"/>
        <source>Amount &amp;sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="365"/>
        <source>Amount &amp;arrived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="369"/>
        <source>Rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="370"/>
        <source>Rate for the &amp;USD value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="371"/>
        <source>D&amp;escription</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="372"/>
        <source>&amp;Reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="404"/>
        <source>optional: {0} per 1 {1}; blank = last rate recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="414"/>
        <source>same currency: no exchange</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="422"/>
        <source>give both amounts</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <location filename="../../coop_desk/ui/pages/users.py" line="87"/>
        <source>New user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/users.py" line="97"/>
        <source>&amp;User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/users.py" line="98"/>
        <source>&amp;Full name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/users.py" line="99"/>
        <source>&amp;Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/users.py" line="100"/>
        <source>&amp;Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/users.py" line="101"/>
        <source>R&amp;epeat it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/users.py" line="114"/>
        <source>the two passwords differ</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UsersModel</name>
    <message>
        <location filename="../../coop_desk/ui/pages/users.py" line="72"/>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/users.py" line="72"/>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <location filename="../../coop_desk/ui/pages/users.py" line="228"/>
        <source>&amp;Add user…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/users.py" line="230"/>
        <source>&amp;Reset password…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/users.py" line="232"/>
        <source>&amp;Deactivate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/users.py" line="234"/>
        <source>Re&amp;activate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/users.py" line="236"/>
        <source>Change r&amp;ole…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/users.py" line="255"/>
        <source>Users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/users.py" line="261"/>
        <source>{0} accounts, {1} active</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <location filename="../../coop_desk/ui/pages/audit.py" line="355"/>
        <source>Integrity check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/audit.py" line="358"/>
        <source>Integrity holds: {0} checks run, {1} compliance warnings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/audit.py" line="361"/>
        <source>Integrity FAILED: {2} problems found by {0} checks ({1} compliance warnings).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/audit.py" line="372"/>
        <source>No findings.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>_MeetingFields</name>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/plan.py" line="36"/>
        <source>e.g. Acta 07-2026</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/plan.py" line="43"/>
        <source>Assembly &amp;date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/plan.py" line="44"/>
        <source>&amp;Minutes / resolution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/plan.py" line="45"/>
        <source>Members &amp;present</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/plan.py" line="46"/>
        <source>&amp;Women present</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/plan.py" line="47"/>
        <source>Votes &amp;for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/plan.py" line="48"/>
        <source>Votes a&amp;gainst</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/plan.py" line="49"/>
        <source>A&amp;bstentions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/plan.py" line="50"/>
        <source>N&amp;otes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../coop_desk/app.py" line="71"/>
        <source>Cannot open the database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/app.py" line="75"/>
        <source>Open another file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/app.py" line="84"/>
        <source>Open a coop-desk database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/app.py" line="86"/>
        <source>coop-desk database (*.sqlite);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dialog</name>
    <message>
        <location filename="../../coop_desk/ui/workers.py" line="104"/>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/cert_records.py" line="88"/>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <location filename="../../coop_desk/ui/workers.py" line="82"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
