<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name></name>
    <message>
        <location filename="../../coop_desk/ui/open_database.py" line="125"/>
        <location filename="../../coop_desk/ui/open_database.py" line="134"/>
        <source>Cannot open the database</source>
        <translation>No se puede abrir la base de datos</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/open_database.py" line="95"/>
        <source>Opening the database</source>
        <translation>Abriendo la base de datos</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/open_database.py" line="177"/>
        <source>(not found)</source>
        <translation>(no se encuentra)</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/open_database.py" line="185"/>
        <source>No other database opened yet</source>
        <translation>Todavía no se abrió otra base de datos</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/open_database.py" line="190"/>
        <source>&amp;Clear the list</source>
        <translation>&amp;Vaciar la lista</translation>
    </message>
</context>
<context>
    <name>AddToLotDialog</name>
    <message>
        <location filename="../../coop_desk/ui/dialogs/trade.py" line="616"/>
        <source>Add to a lot</source>
        <translation>Agregar a un lote</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/trade.py" line="620"/>
        <source>{0} deliveries, {1} kg of parchment.</source>
        <translation>{0} entregas, {1} kg de pergamino.</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/trade.py" line="628"/>
        <source>certified</source>
        <translation>certificado</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/trade.py" line="628"/>
        <source>conventional</source>
        <translation>convencional</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/trade.py" line="633"/>
        <source>&amp;Lot</source>
        <translation>&amp;Lote</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/trade.py" line="638"/>
        <source>create a lot first</source>
        <translation>cree primero un lote</translation>
    </message>
</context>
<context>
    <name>ApprovalDetailsDialog</name>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/plan.py" line="277"/>
        <source>Correct the record of {0} (version {1})</source>
        <translation>Corregir el acta de {0} (versión {1})</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/plan.py" line="283"/>
        <source>Only the record of the meeting changes. The budget it approved (USD {0}) stays; a different budget needs a new approval.</source>
        <translation>Solo cambia el acta de la asamblea. El presupuesto aprobado (USD {0}) se mantiene; un presupuesto distinto necesita una nueva aprobación.</translation>
    </message>
</context>
<context>
    <name>ApprovalDialog</name>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/plan.py" line="206"/>
        <source>General Assembly approval of the {0} plan</source>
        <translation>Aprobación del plan {0} por la Asamblea General</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/plan.py" line="208"/>
        <source>Budget revision {0} (version {1})</source>
        <translation>Revisión del presupuesto {0} (versión {1})</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/plan.py" line="213"/>
        <source>A revision needs its own General Assembly approval. The budget below starts from version {0} (approved {1}, USD {2}); the earlier versions stay in the history.</source>
        <translation>Una revisión necesita su propia aprobación de la Asamblea General. El presupuesto de abajo parte de la versión {0} (aprobada en {1}, USD {2}); las versiones anteriores quedan en el historial.</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/plan.py" line="171"/>
        <source>Approved budget (USD)</source>
        <translation>Presupuesto aprobado (USD)</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/plan.py" line="175"/>
        <source>no budget</source>
        <translation>sin presupuesto</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/plan.py" line="187"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/plan.py" line="188"/>
        <source>★ counts toward the 25% productivity/quality share</source>
        <translation>★ cuenta para el 25 % de productividad/calidad</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/plan.py" line="237"/>
        <source>You typed: {0}</source>
        <translation>Usted escribió: {0}</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/plan.py" line="237"/>
        <source>(empty)</source>
        <translation>(vacío)</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <location filename="../../coop_desk/ui/pages/audit.py" line="71"/>
        <source>record id</source>
        <translation>id del registro</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/audit.py" line="74"/>
        <source>&amp;From</source>
        <translation>&amp;Desde</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/audit.py" line="76"/>
        <source>&amp;To</source>
        <translation>&amp;Hasta</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/audit.py" line="87"/>
        <source>User</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/audit.py" line="126"/>
        <source>&amp;History of this record…</source>
        <translation>Historial de este re&amp;gistro…</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/audit.py" line="134"/>
        <source>&amp;Check integrity…</source>
        <translation>&amp;Verificar integridad…</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/audit.py" line="140"/>
        <source>Fiscal year of the audit pack and the Beancount file</source>
        <translation>Ejercicio del paquete de auditoría y del archivo Beancount</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/audit.py" line="141"/>
        <source>Audit &amp;pack…</source>
        <translation>&amp;Paquete de auditoría…</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/audit.py" line="144"/>
        <source>A workbook for the auditor: journal, trial balance, GA approvals, payments with vouchers and receipt hashes, the year&apos;s audit trail, the integrity check</source>
        <translation>Un libro Excel para el auditor: libro diario, balance de comprobación, aprobaciones de la AG, pagos con comprobantes y huellas de los recibos, el registro de auditoría del ejercicio y la verificación de integridad</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/audit.py" line="149"/>
        <source>&amp;Beancount file…</source>
        <translation>Archivo &amp;Beancount…</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/audit.py" line="151"/>
        <source>The year&apos;s journal for an independent check with Beancount (bean-check)</source>
        <translation>El libro diario del ejercicio, para una verificación independiente con Beancount (bean-check)</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/audit.py" line="162"/>
        <source>Fiscal year</source>
        <translation>Ejercicio</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/__init__.py" line="108"/>
        <location filename="../../coop_desk/ui/pages/audit.py" line="176"/>
        <source>Audit trail</source>
        <translation>Auditoría</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/audit.py" line="225"/>
        <source>(all)</source>
        <translation>(todas)</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/audit.py" line="255"/>
        <source>{0} audit records</source>
        <translation>{0} registros de auditoría</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/audit.py" line="337"/>
        <source>Save the audit pack</source>
        <translation>Guardar el paquete de auditoría</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/audit.py" line="341"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Libro de Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/audit.py" line="348"/>
        <source>Writing the audit pack</source>
        <translation>Escribiendo el paquete de auditoría</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/audit.py" line="356"/>
        <source>Audit pack for {0} written to {1} (integrity {2}).</source>
        <translation>Paquete de auditoría de {0} guardado en {1} (integridad {2}).</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/audit.py" line="357"/>
        <source>OK</source>
        <translation>CORRECTA</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/audit.py" line="357"/>
        <source>FAILED</source>
        <translation>FALLIDA</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/audit.py" line="368"/>
        <source>Save the Beancount file</source>
        <translation>Guardar el archivo Beancount</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/audit.py" line="370"/>
        <source>Beancount file (*.beancount)</source>
        <translation>Archivo Beancount (*.beancount)</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/audit.py" line="374"/>
        <source>Writing the journal…</source>
        <translation>Escribiendo el libro diario…</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/audit.py" line="383"/>
        <source>Writing the Beancount file</source>
        <translation>Escribiendo el archivo Beancount</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/audit.py" line="387"/>
        <source>Beancount file written to {0} ({1} transactions).</source>
        <translation>Archivo Beancount guardado en {0} ({1} transacciones).</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/audit.py" line="89"/>
        <source>Record kind</source>
        <translation>Tipo de registro</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/audit.py" line="128"/>
        <source>&amp;Open the member or entry</source>
        <translation>&amp;Abrir el socio o el asiento</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/audit.py" line="130"/>
        <source>Open the member or the journal entry this change belongs to</source>
        <translation>Abre el socio o el asiento contable al que pertenece este cambio</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/audit.py" line="360"/>
        <source>Audit pack written</source>
        <translation>Paquete de auditoría guardado</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/audit.py" line="391"/>
        <source>Beancount file written</source>
        <translation>Archivo Beancount guardado</translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <location filename="../../coop_desk/ui/audit_models.py" line="35"/>
        <source>created</source>
        <translation>creado</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/audit_models.py" line="36"/>
        <source>changed</source>
        <translation>modificado</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/audit_models.py" line="37"/>
        <source>deleted</source>
        <translation>eliminado</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/audit_models.py" line="69"/>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/audit_models.py" line="70"/>
        <source>User</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/audit_models.py" line="71"/>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/audit_models.py" line="72"/>
        <source>Record</source>
        <translation>Registro</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/audit_models.py" line="73"/>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/audit_models.py" line="74"/>
        <source>Changes</source>
        <translation>Cambios</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <location filename="../../coop_desk/ui/backup_actions.py" line="175"/>
        <source>Backups</source>
        <translation>Copias de seguridad</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/backup_actions.py" line="179"/>
        <source>coop-desk backs up the database every day while it runs and when it closes, keeping 7 daily and 12 monthly copies. Point the folder at a USB disk and keep the disk away from this PC.</source>
        <translation>coop-desk hace una copia de la base de datos cada día mientras funciona y al cerrarse, y guarda 7 copias diarias y 12 mensuales. Elija una carpeta en un disco USB y guarde el disco lejos de esta PC.</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/backup_actions.py" line="187"/>
        <source>Choose…</source>
        <translation>Elegir…</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/backup_actions.py" line="195"/>
        <source>Backup folder</source>
        <translation>Carpeta de copias</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/backup_actions.py" line="196"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/backup_actions.py" line="199"/>
        <source>This database is on a PostgreSQL server: back it up with pg_dump and record each dump with “coop-desk backup --record-dump FILE” (see the README); the status below is read from the folder&apos;s backup log.</source>
        <translation>Esta base de datos está en un servidor PostgreSQL: haga sus copias con pg_dump y registre cada copia con “coop-desk backup --record-dump ARCHIVO” (vea el README); el estado de abajo se lee del registro de copias de la carpeta.</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/backup_actions.py" line="206"/>
        <source>Back up &amp;now</source>
        <translation>Hacer copia &amp;ahora</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/backup_actions.py" line="207"/>
        <source>&amp;Restore from a copy…</source>
        <translation>&amp;Restaurar desde una copia…</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/backup_actions.py" line="231"/>
        <source>The backup folder (a USB disk)</source>
        <translation>La carpeta de copias (un disco USB)</translation>
    </message>
</context>
<context>
    <name>BalancesTab</name>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/tabs.py" line="680"/>
        <source>Premium fund (USD value)</source>
        <translation>Fondo de la Prima (valor en USD)</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/tabs.py" line="717"/>
        <source>Projects {0}: approved USD {1}, spent USD {2}, remaining USD {3}</source>
        <translation>Proyectos {0}: aprobado USD {1}, gastado USD {2}, saldo USD {3}</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/tabs.py" line="731"/>
        <source>Productivity / quality: USD {0} spent; no premium received this year (at least {1}% of the premium received goes to productivity / quality).</source>
        <translation>Productividad / calidad: USD {0} gastados; no se recibió prima este año (al menos el {1}% de la prima recibida va a productividad / calidad).</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/tabs.py" line="736"/>
        <source>Productivity / quality: USD {0} spent = {1}% of the USD {2} premium received; at least {3}% = USD {4} is required ({5}).</source>
        <translation>Productividad / calidad: USD {0} gastados = {1}% de los USD {2} de prima recibida; se exige al menos el {3}% = USD {4} ({5}).</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/tabs.py" line="744"/>
        <source>met</source>
        <translation>cumplido</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/tabs.py" line="744"/>
        <source>not met</source>
        <translation>no cumplido</translation>
    </message>
</context>
<context>
    <name>BoundaryFileDialog</name>
    <message>
        <location filename="../../coop_desk/ui/dialogs/trade.py" line="220"/>
        <source>Boundary of {0}</source>
        <translation>Lindero de {0}</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/trade.py" line="223"/>
        <source>no file chosen</source>
        <translation>ningún archivo elegido</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/trade.py" line="224"/>
        <source>Choose file…</source>
        <translation>Elegir archivo…</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/trade.py" line="232"/>
        <source>degrees (WGS84)</source>
        <translation>grados (WGS84)</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/trade.py" line="234"/>
        <source>UTM zone {0}S</source>
        <translation>UTM zona {0}S</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/trade.py" line="240"/>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/trade.py" line="241"/>
        <source>Coordinates in</source>
        <translation>Coordenadas en</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/trade.py" line="242"/>
        <source>&amp;Feature</source>
        <translation>&amp;Elemento</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/trade.py" line="247"/>
        <source>Boundary file</source>
        <translation>Archivo del lindero</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/trade.py" line="110"/>
        <source>GeoJSON, KML, KMZ, GPX ({0});;All files (*)</source>
        <translation>GeoJSON, KML, KMZ, GPX ({0});;Todos los archivos (*)</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/trade.py" line="279"/>
        <source>A boundary of {0} positions.</source>
        <translation>Un lindero de {0} vértices.</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/trade.py" line="282"/>
        <source>A GPS point: {0}</source>
        <translation>Un punto GPS: {0}</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/trade.py" line="289"/>
        <source>choose a file with the plot&apos;s boundary</source>
        <translation>elija un archivo con el lindero de la parcela</translation>
    </message>
</context>
<context>
    <name>BuyerDialog</name>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/setup.py" line="22"/>
        <source>New buyer</source>
        <translation>Nuevo comprador</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/setup.py" line="26"/>
        <source>&amp;Name</source>
        <translation>&amp;Nombre</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/setup.py" line="27"/>
        <source>&amp;Country</source>
        <translation>&amp;País</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/setup.py" line="28"/>
        <source>N&amp;otes</source>
        <translation>N&amp;otas</translation>
    </message>
</context>
<context>
    <name>CashRowsModel</name>
    <message>
        <location filename="../../coop_desk/ui/dialogs/ledger_excel.py" line="78"/>
        <source>Opening balance</source>
        <translation>Saldo inicial</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/ledger_excel.py" line="79"/>
        <source>Income</source>
        <translation>Ingreso</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/ledger_excel.py" line="80"/>
        <source>Expense</source>
        <translation>Egreso</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/ledger_excel.py" line="90"/>
        <source>Row</source>
        <translation>Fila</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/ledger_excel.py" line="95"/>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/ledger_excel.py" line="96"/>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/ledger_excel.py" line="97"/>
        <source>Voucher</source>
        <translation>Comprobante</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/ledger_excel.py" line="98"/>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/ledger_excel.py" line="99"/>
        <source>Project</source>
        <translation>Proyecto</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/ledger_excel.py" line="100"/>
        <source>Amount</source>
        <translation>Monto</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/ledger_excel.py" line="101"/>
        <source>Currency</source>
        <translation>Moneda</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/ledger_excel.py" line="103"/>
        <source>Problems</source>
        <translation>Problemas</translation>
    </message>
</context>
<context>
    <name>CashbookDialog</name>
    <message>
        <location filename="../../coop_desk/ui/dialogs/ledger_excel.py" line="129"/>
        <source>Import a premium cash book</source>
        <translation>Importar un libro de caja de la Prima</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/ledger_excel.py" line="140"/>
        <source>Sheet “{0}”, header on row {1}. Opening {2}, income {3}, expense {4}, closing {5}.</source>
        <translation>Hoja «{0}», encabezado en la fila {1}. Saldo inicial {2}, ingresos {3}, egresos {4}, saldo final {5}.</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/ledger_excel.py" line="153"/>
        <source>Row {0} skipped: {1}</source>
        <translation>Fila {0} omitida: {1}</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/ledger_excel.py" line="164"/>
        <source>units per USD, for an account not in USD</source>
        <translation>unidades por USD, para una cuenta que no está en USD</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/ledger_excel.py" line="166"/>
        <source>(none: report them)</source>
        <translation>(ninguno: informarlos)</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/ledger_excel.py" line="171"/>
        <source>Create the projects not in the plan: {0}</source>
        <translation>Crear los proyectos que no están en el plan: {0}</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/ledger_excel.py" line="174"/>
        <source>Into the &amp;account</source>
        <translation>En la &amp;cuenta</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/ledger_excel.py" line="175"/>
        <source>Exchange &amp;rate</source>
        <translation>&amp;Tipo de cambio</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/ledger_excel.py" line="178"/>
        <source>Expenses without a &amp;project go to</source>
        <translation>Los egresos sin &amp;proyecto van a</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/ledger_excel.py" line="191"/>
        <source>&amp;Import</source>
        <translation>&amp;Importar</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/ledger_excel.py" line="217"/>
        <source>Posting the cash book</source>
        <translation>Registrando el libro de caja</translation>
    </message>
</context>
<context>
    <name>CertificateDialog</name>
    <message>
        <location filename="../../coop_desk/ui/dialogs/certificate.py" line="43"/>
        <source>Edit certificate</source>
        <translation>Editar certificado</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/certificate.py" line="43"/>
        <source>New certificate</source>
        <translation>Nuevo certificado</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/certificate.py" line="46"/>
        <source>Add scheme…</source>
        <translation>Agregar esquema…</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/certificate.py" line="51"/>
        <source>FLO ID for Fairtrade</source>
        <translation>FLO ID para Fairtrade</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/certificate.py" line="58"/>
        <source>no document</source>
        <translation>sin documento</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/certificate.py" line="59"/>
        <source>Choose file…</source>
        <translation>Elegir archivo…</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/certificate.py" line="62"/>
        <source>&amp;Scheme</source>
        <translation>&amp;Esquema</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/certificate.py" line="63"/>
        <source>&amp;Certifier</source>
        <translation>&amp;Certificadora</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/certificate.py" line="64"/>
        <source>&amp;Number</source>
        <translation>&amp;Número</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/certificate.py" line="65"/>
        <source>&amp;Issued</source>
        <translation>E&amp;mitido</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/certificate.py" line="66"/>
        <source>&amp;Expires</source>
        <translation>&amp;Vence</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/certificate.py" line="67"/>
        <source>Sco&amp;pe</source>
        <translation>&amp;Alcance</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/certificate.py" line="68"/>
        <source>N&amp;otes</source>
        <translation>N&amp;otas</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/certificate.py" line="69"/>
        <source>&amp;Document</source>
        <translation>&amp;Documento</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/certificate.py" line="93"/>
        <source>{0} (SHA-256 {1}…)</source>
        <translation>{0} (SHA-256 {1}…)</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/certificate.py" line="109"/>
        <source>Add scheme</source>
        <translation>Agregar esquema</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/certificate.py" line="110"/>
        <source>Name of the scheme (e.g. Rainforest Alliance):</source>
        <translation>Nombre del esquema (p. ej. Rainforest Alliance):</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/certificate.py" line="117"/>
        <source>Certificate document</source>
        <translation>Documento del certificado</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/certificate.py" line="119"/>
        <source>Documents (*.pdf *.jpg *.jpeg *.png *.tif *.tiff);;All files (*)</source>
        <translation>Documentos (*.pdf *.jpg *.jpeg *.png *.tif *.tiff);;Todos los archivos (*)</translation>
    </message>
</context>
<context>
    <name>CertificationsPage</name>
    <message>
        <location filename="../../coop_desk/ui/pages/certifications.py" line="74"/>
        <source>New certificate…</source>
        <translation>Nuevo certificado…</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/certifications.py" line="76"/>
        <source>Open document</source>
        <translation>Abrir documento</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/certifications.py" line="104"/>
        <source>New inspection…</source>
        <translation>Nueva inspección…</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/certifications.py" line="105"/>
        <source>Sanction…</source>
        <translation>Sanción…</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/certifications.py" line="106"/>
        <source>Mark done…</source>
        <translation>Marcar como hecha…</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/certifications.py" line="107"/>
        <source>Export ICS list…</source>
        <translation>Exportar lista del SIC…</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/certifications.py" line="120"/>
        <source>Not yet inspected this year</source>
        <translation>Aún sin inspección este año</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/certifications.py" line="128"/>
        <source>Corrective actions due</source>
        <translation>Acciones correctivas pendientes</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/certifications.py" line="141"/>
        <source>New sanction…</source>
        <translation>Nueva sanción…</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/certifications.py" line="155"/>
        <source> days</source>
        <translation> días</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/certifications.py" line="162"/>
        <source>Look ahead:</source>
        <translation>Anticipar:</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/certifications.py" line="174"/>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/certifications.py" line="178"/>
        <source>Certificates</source>
        <translation>Certificados</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/certifications.py" line="179"/>
        <source>Internal Control System</source>
        <translation>Sistema Interno de Control</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/certifications.py" line="180"/>
        <source>Sanctions</source>
        <translation>Sanciones</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/certifications.py" line="181"/>
        <source>Alerts</source>
        <translation>Alertas</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/__init__.py" line="97"/>
        <location filename="../../coop_desk/ui/pages/certifications.py" line="195"/>
        <source>Certifications</source>
        <translation>Certificaciones</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/certifications.py" line="223"/>
        <source>Loading the certifications…</source>
        <translation>Cargando las certificaciones…</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/certifications.py" line="239"/>
        <source>ICS coverage {0}: {1} of {2} members inspected</source>
        <translation>Cobertura del SIC {0}: {1} de {2} socios inspeccionados</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/certifications.py" line="249"/>
        <source>Target 100%. Certifier&apos;s re-inspection sample: {0} members. Awaiting committee approval: {1}. Overdue corrective actions: {2}.
{3}</source>
        <translation>Meta 100 %. Muestra de reinspección de la certificadora: {0} socios. Pendientes de aprobación del comité: {1}. Acciones correctivas vencidas: {2}.
{3}</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/certifications.py" line="253"/>
        <source>Not yet inspected in {0}</source>
        <translation>Aún sin inspección en {0}</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/certifications.py" line="258"/>
        <source>{0} certificates · ICS coverage {1}% · {2} alerts</source>
        <translation>{0} certificados · cobertura del SIC {1}% · {2} alertas</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/certifications.py" line="341"/>
        <source>Select a certificate to edit.</source>
        <translation>Seleccione un certificado para editarlo.</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/certifications.py" line="349"/>
        <source>Select a member in the schedule first.</source>
        <translation>Primero seleccione un socio en la lista.</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/certifications.py" line="352"/>
        <source>Select a corrective action first.</source>
        <translation>Primero seleccione una acción correctiva.</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/certifications.py" line="358"/>
        <source>The selected certificate has no document.</source>
        <translation>El certificado seleccionado no tiene documento.</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/certifications.py" line="364"/>
        <source>The document {0} is missing from the database.</source>
        <translation>El documento {0} no está en la base de datos.</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/certifications.py" line="369"/>
        <source>The document {0} was changed since it was attached; it is not opened.</source>
        <translation>El documento {0} fue modificado después de adjuntarlo; no se abre.</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/certifications.py" line="384"/>
        <source>Export the ICS list</source>
        <translation>Exportar la lista del SIC</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/certifications.py" line="386"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Libro de Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/certifications.py" line="407"/>
        <source>Exporting the ICS list</source>
        <translation>Exportando la lista del SIC</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/certifications.py" line="409"/>
        <source>Export cancelled.</source>
        <translation>Exportación cancelada.</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/certifications.py" line="414"/>
        <source>ICS list written to {0}</source>
        <translation>Lista del SIC guardada en {0}</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/certifications.py" line="286"/>
        <source>&amp;View…</source>
        <translation>&amp;Ver…</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/certifications.py" line="75"/>
        <location filename="../../coop_desk/ui/pages/certifications.py" line="286"/>
        <source>&amp;Edit…</source>
        <translation>E&amp;ditar…</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/certifications.py" line="416"/>
        <source>ICS list written</source>
        <translation>Lista del SIC guardada</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../coop_desk/ui/dialogs/change_password.py" line="35"/>
        <source>Change password</source>
        <translation>Cambiar contraseña</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/change_password.py" line="39"/>
        <source>An administrator set your password. Choose your own password now (at least {0} characters).</source>
        <translation>Un administrador asignó su contraseña. Elija ahora su propia contraseña (al menos {0} caracteres).</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/change_password.py" line="46"/>
        <source>&amp;Current password</source>
        <translation>Contraseña &amp;actual</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/change_password.py" line="47"/>
        <source>&amp;New password</source>
        <translation>&amp;Nueva contraseña</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/change_password.py" line="48"/>
        <source>&amp;Repeat it</source>
        <translation>&amp;Repítala</translation>
    </message>
</context>
<context>
    <name>ChangesModel</name>
    <message>
        <location filename="../../coop_desk/ui/audit_models.py" line="166"/>
        <source>Field</source>
        <translation>Campo</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/audit_models.py" line="167"/>
        <source>Before</source>
        <translation>Antes</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/audit_models.py" line="168"/>
        <source>After</source>
        <translation>Después</translation>
    </message>
</context>
<context>
    <name>CloseYearDialog</name>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/years.py" line="23"/>
        <source>Close fiscal year {0}</source>
        <translation>Cerrar el ejercicio {0}</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/years.py" line="26"/>
        <source>Closing {0} locks it: nothing more can be recorded in it. Each account&apos;s balance and the Premium fund are carried into {1}. Only an administrator can reopen it.</source>
        <translation>Cerrar {0} lo bloquea: ya no se puede registrar nada en él. El saldo de cada cuenta y el fondo de la Prima pasan a {1}. Solo un administrador puede reabrirlo.</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/years.py" line="32"/>
        <source>Optional, e.g. accounts approved by the GA</source>
        <translation>Opcional, p. ej. cuentas aprobadas por la AG</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/years.py" line="33"/>
        <source>&amp;Note</source>
        <translation>&amp;Nota</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/years.py" line="34"/>
        <source>&amp;Close year</source>
        <translation>&amp;Cerrar ejercicio</translation>
    </message>
</context>
<context>
    <name>CompleteActionDialog</name>
    <message>
        <location filename="../../coop_desk/ui/dialogs/cert_records.py" line="321"/>
        <source>Corrective action done</source>
        <translation>Acción correctiva cumplida</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/cert_records.py" line="324"/>
        <source>{0} {1}: {2} (due {3})</source>
        <translation>{0} {1}: {2} (vence {3})</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/cert_records.py" line="335"/>
        <source>&amp;Completed on</source>
        <translation>&amp;Cumplida el</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/cert_records.py" line="336"/>
        <source>&amp;Note</source>
        <translation>&amp;Nota</translation>
    </message>
</context>
<context>
    <name>ComplianceTab</name>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/tabs.py" line="767"/>
        <source>&amp;Check again</source>
        <translation>&amp;Verificar de nuevo</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/tabs.py" line="796"/>
        <source>{0}: checking…</source>
        <translation>{0}: verificando…</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/tabs.py" line="802"/>
        <source>The checks could not be run.</source>
        <translation>No se pudieron ejecutar las verificaciones.</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/tabs.py" line="816"/>
        <source>{0}: every check passed.</source>
        <translation>{0}: todas las verificaciones pasaron.</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/tabs.py" line="819"/>
        <source>{0}: integrity errors: {1} · compliance warnings: {2}.</source>
        <translation>{0}: errores de integridad: {1} · advertencias de cumplimiento: {2}.</translation>
    </message>
</context>
<context>
    <name>ContractDialog</name>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/contract.py" line="54"/>
        <source>New contract</source>
        <translation>Nuevo contrato</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/contract.py" line="56"/>
        <source>Contract {0}</source>
        <translation>Contrato {0}</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/contract.py" line="67"/>
        <source>New &amp;buyer…</source>
        <translation>Nuevo compra&amp;dor…</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/contract.py" line="75"/>
        <source>Organic certified</source>
        <translation>Certificado orgánico</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/contract.py" line="77"/>
        <source>Washed</source>
        <translation>Lavado</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/contract.py" line="78"/>
        <source>Natural</source>
        <translation>Natural</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/contract.py" line="82"/>
        <source>bags of 69 kg</source>
        <translation>sacos de 69 kg</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/contract.py" line="83"/>
        <source>kg</source>
        <translation>kg</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/contract.py" line="90"/>
        <source>&amp;Buyer</source>
        <translation>&amp;Comprador</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/contract.py" line="91"/>
        <source>Contract &amp;number</source>
        <translation>&amp;Número de contrato</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/contract.py" line="92"/>
        <source>&amp;Signing date</source>
        <translation>&amp;Fecha de firma</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/contract.py" line="93"/>
        <source>Sc&amp;heme</source>
        <translation>&amp;Esquema</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/contract.py" line="95"/>
        <source>&amp;Process</source>
        <translation>&amp;Proceso</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/contract.py" line="96"/>
        <source>&amp;Quantity</source>
        <translation>C&amp;antidad</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/contract.py" line="97"/>
        <source>Shi&amp;pment date</source>
        <translation>Fecha de embar&amp;que</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/contract.py" line="98"/>
        <source>N&amp;otes</source>
        <translation>N&amp;otas</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/contract.py" line="99"/>
        <source>Premium</source>
        <translation>Prima</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/contract.py" line="147"/>
        <source>the quantity is not a number</source>
        <translation>la cantidad no es un número</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/contract.py" line="150"/>
        <source>give the quantity</source>
        <translation>indique la cantidad</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/contract.py" line="160"/>
        <source>conventional sale: no premium</source>
        <translation>venta convencional: sin prima</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/contract.py" line="162"/>
        <source>no rate in force on the signing date</source>
        <translation>no hay tarifa vigente en la fecha de firma</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/contract.py" line="164"/>
        <source>{0} lb · {1}</source>
        <translation>{0} lb · {1}</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/contract.py" line="168"/>
        <source>{0} lb × USD {1} = premium due USD {2}
organic differential USD {3} · productivity/quality share (25%) USD {4}</source>
        <translation>{0} lb × USD {1} = prima por cobrar USD {2}
diferencial orgánico USD {3} · parte para productividad/calidad (25 %) USD {4}</translation>
    </message>
</context>
<context>
    <name>ContractsTab</name>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/tabs.py" line="123"/>
        <source>Search contract number or buyer</source>
        <translation>Buscar número de contrato o comprador</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/tabs.py" line="125"/>
        <source>&amp;New contract…</source>
        <translation>&amp;Nuevo contrato…</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/tabs.py" line="126"/>
        <source>&amp;Edit contract…</source>
        <translation>&amp;Editar contrato…</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/tabs.py" line="127"/>
        <source>Record &amp;shipment…</source>
        <translation>Registrar em&amp;barque…</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/tabs.py" line="129"/>
        <source>Premium &amp;received…</source>
        <translation>Prima &amp;recibida…</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/tabs.py" line="131"/>
        <source>&amp;Delete…</source>
        <translation>E&amp;liminar…</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/tabs.py" line="133"/>
        <source>Only a contract entered by mistake, with no shipment or payment recorded</source>
        <translation>Solo un contrato ingresado por error, sin embarque ni pago registrado</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/tabs.py" line="178"/>
        <source>{0}: {1} contracts · premium due USD {2} · received USD {3} · outstanding USD {4}</source>
        <translation>{0}: {1} contratos · prima por cobrar USD {2} · recibida USD {3} · pendiente USD {4}</translation>
    </message>
</context>
<context>
    <name>DecisionDialog</name>
    <message>
        <location filename="../../coop_desk/ui/dialogs/cert_records.py" line="153"/>
        <source>Approval committee decision</source>
        <translation>Decisión del comité de aprobación</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/cert_records.py" line="164"/>
        <source>minutes / act number</source>
        <translation>número de acta</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/cert_records.py" line="167"/>
        <source>&amp;Decision</source>
        <translation>&amp;Decisión</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/cert_records.py" line="168"/>
        <source>D&amp;ate</source>
        <translation>&amp;Fecha</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/cert_records.py" line="169"/>
        <source>&amp;Inspection report</source>
        <translation>&amp;Informe de inspección</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/cert_records.py" line="170"/>
        <source>&amp;Reference</source>
        <translation>&amp;Referencia</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/cert_records.py" line="171"/>
        <source>&amp;Notes</source>
        <translation>&amp;Notas</translation>
    </message>
</context>
<context>
    <name>DeliveryDialog</name>
    <message>
        <location filename="../../coop_desk/ui/dialogs/trade.py" line="485"/>
        <source>Delivery {0}</source>
        <translation>Entrega {0}</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/trade.py" line="485"/>
        <source>New delivery</source>
        <translation>Nueva entrega</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/trade.py" line="500"/>
        <source>Certified coffee (from certified plots)</source>
        <translation>Café certificado (de parcelas certificadas)</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/trade.py" line="502"/>
        <source>blank: the next number</source>
        <translation>en blanco: el número siguiente</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/trade.py" line="513"/>
        <source>&amp;Member</source>
        <translation>&amp;Socio</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/trade.py" line="514"/>
        <source>&amp;Date</source>
        <translation>&amp;Fecha</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/trade.py" line="515"/>
        <source>Collection &amp;point</source>
        <translation>&amp;Centro de acopio</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/trade.py" line="516"/>
        <source>&amp;Parchment (kg)</source>
        <translation>&amp;Pergamino (kg)</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/trade.py" line="517"/>
        <source>M&amp;oisture %</source>
        <translation>H&amp;umedad %</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/trade.py" line="518"/>
        <source>&amp;Yield factor %</source>
        <translation>&amp;Rendimiento %</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/trade.py" line="519"/>
        <source>Price per &amp;kg</source>
        <translation>Precio por &amp;kg</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/trade.py" line="520"/>
        <source>C&amp;urrency</source>
        <translation>&amp;Moneda</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/trade.py" line="522"/>
        <source>&amp;Number</source>
        <translation>&amp;Número</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/trade.py" line="523"/>
        <source>No&amp;tes</source>
        <translation>No&amp;tas</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/trade.py" line="526"/>
        <source>Exportable green coffee from this parchment, in %: 80 means 100 kg of parchment give 80 kg of green coffee.</source>
        <translation>Café verde exportable de este pergamino, en %: 80 significa que 100 kg de pergamino dan 80 kg de café verde.</translation>
    </message>
</context>
<context>
    <name>DueDiligenceDialog</name>
    <message>
        <location filename="../../coop_desk/ui/dialogs/trade.py" line="650"/>
        <source>Due-diligence reference</source>
        <translation>Referencia de diligencia debida</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/trade.py" line="654"/>
        <source>The reference number of the due-diligence statement the buyer filed in the EU information system for contract {0} ({1}).</source>
        <translation>El número de referencia de la declaración de diligencia debida que el comprador presentó en el sistema de información de la UE para el contrato {0} ({1}).</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/trade.py" line="659"/>
        <source>&amp;Reference</source>
        <translation>&amp;Referencia</translation>
    </message>
</context>
<context>
    <name>EntryDialog</name>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/entry.py" line="88"/>
        <source>Journal entry {0}</source>
        <translation>Asiento {0} del libro diario</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/entry.py" line="100"/>
        <source>Entry</source>
        <translation>Asiento</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/entry.py" line="101"/>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/entry.py" line="102"/>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/entry.py" line="103"/>
        <source>Reference</source>
        <translation>Referencia</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/entry.py" line="105"/>
        <source>Payee</source>
        <translation>Beneficiario</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/entry.py" line="106"/>
        <source>Voucher</source>
        <translation>Comprobante</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/entry.py" line="108"/>
        <source>Project</source>
        <translation>Proyecto</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/entry.py" line="110"/>
        <source>Contract</source>
        <translation>Contrato</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/entry.py" line="111"/>
        <source>Amount</source>
        <translation>Monto</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/entry.py" line="114"/>
        <source>the stored copy is missing from the database</source>
        <translation>la copia guardada no está en la base de datos</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/entry.py" line="116"/>
        <source>stored copy checked: identical</source>
        <translation>copia guardada verificada: idéntica</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/entry.py" line="118"/>
        <source>WARNING: the stored copy was changed since it was recorded</source>
        <translation>ADVERTENCIA: la copia guardada cambió desde que se registró</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/entry.py" line="121"/>
        <source>Scanned receipt</source>
        <translation>Recibo escaneado</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/entry.py" line="125"/>
        <source>Reverses</source>
        <translation>Revierte</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/entry.py" line="127"/>
        <source>Reversed by</source>
        <translation>Revertido por</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/entry.py" line="130"/>
        <source>Recorded</source>
        <translation>Registrado</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/entry.py" line="131"/>
        <source>by {0} on {1}</source>
        <translation>por {0} el {1}</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/entry.py" line="135"/>
        <source>Posted entries cannot be changed or deleted. To correct one, reverse it from the journal and record the right operation.</source>
        <translation>Los asientos registrados no se pueden modificar ni eliminar. Para corregir uno, reviértalo desde el libro diario y registre la operación correcta.</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/entry.py" line="156"/>
        <source>Go to linked entry</source>
        <translation>Ir al asiento vinculado</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/entry.py" line="160"/>
        <source>History…</source>
        <translation>Historial…</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/entry.py" line="166"/>
        <source>Open scanned receipt</source>
        <translation>Abrir recibo escaneado</translation>
    </message>
</context>
<context>
    <name>EudrRulesDialog</name>
    <message>
        <location filename="../../coop_desk/ui/dialogs/trade.py" line="671"/>
        <source>EU deforestation rules</source>
        <translation>Reglas de deforestación de la UE</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/trade.py" line="684"/>
        <source>A &amp;polygon is needed above (ha)</source>
        <translation>Se exige &amp;polígono por encima de (ha)</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/trade.py" line="686"/>
        <source>&amp;Area tolerance (%)</source>
        <translation>Tolerancia de &amp;área (%)</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/trade.py" line="687"/>
        <source>&amp;Overlap tolerance (m²)</source>
        <translation>Tolerancia de &amp;superposición (m²)</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/trade.py" line="688"/>
        <source>Deforestation &amp;cut-off date</source>
        <translation>&amp;Fecha de corte de deforestación</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/trade.py" line="690"/>
        <source>&amp;Yield estimate tolerance (%)</source>
        <translation>Tolerancia sobre la &amp;estimación de cosecha (%)</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <location filename="../../coop_desk/ui/dialogs/import_wizard.py" line="127"/>
        <source>Choose the roster</source>
        <translation>Elegir el padrón</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/import_wizard.py" line="130"/>
        <source>An Excel workbook (.xlsx) with one member per row. Title rows above the headers, blank rows and a totals row are fine; headers may be in Spanish or English, in any order.</source>
        <translation>Un libro de Excel (.xlsx) con un socio por fila. Se admiten filas de título sobre los encabezados, filas en blanco y una fila de totales; los encabezados pueden estar en español o en inglés, en cualquier orden.</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/import_wizard.py" line="136"/>
        <source>Path of the .xlsx file</source>
        <translation>Ruta del archivo .xlsx</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/import_wizard.py" line="137"/>
        <source>&amp;Browse…</source>
        <translation>&amp;Examinar…</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/import_wizard.py" line="139"/>
        <source>&amp;Download template…</source>
        <translation>&amp;Descargar plantilla…</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/import_wizard.py" line="143"/>
        <location filename="../../coop_desk/ui/dialogs/import_wizard.py" line="164"/>
        <source>(found automatically)</source>
        <translation>(detectada automáticamente)</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/import_wizard.py" line="147"/>
        <source>&amp;Sheet:</source>
        <translation>&amp;Hoja:</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/import_wizard.py" line="176"/>
        <source>Import a member roster</source>
        <translation>Importar un padrón de socios</translation>
    </message>
</context>
<context>
    <name>FindingsModel</name>
    <message>
        <location filename="../../coop_desk/ui/pages/home.py" line="69"/>
        <source>Severity</source>
        <translation>Gravedad</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/home.py" line="71"/>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/home.py" line="71"/>
        <source>Warning</source>
        <translation>Advertencia</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/home.py" line="73"/>
        <source>Finding</source>
        <translation>Hallazgo</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../../coop_desk/ui/dialogs/first_run.py" line="32"/>
        <source>Welcome to coop-desk</source>
        <translation>Bienvenido a coop-desk</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/first_run.py" line="35"/>
        <source>This database is empty. Start your own cooperative, or open the demo cooperative to explore coop-desk with realistic data.</source>
        <translation>Esta base de datos está vacía. Empiece con su propia cooperativa o abra la cooperativa de demostración para conocer coop-desk con datos realistas.</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/first_run.py" line="39"/>
        <source>Start a &amp;new cooperative</source>
        <translation>Crear una cooperativa &amp;nueva</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/first_run.py" line="40"/>
        <source>Open the &amp;demo cooperative</source>
        <translation>Abrir la cooperativa de &amp;demostración</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/first_run.py" line="46"/>
        <source>Name of the cooperative</source>
        <translation>Nombre de la cooperativa</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/first_run.py" line="60"/>
        <source>Administrator&apos;s &amp;user name</source>
        <translation>&amp;Usuario del administrador</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/first_run.py" line="62"/>
        <source>&amp;Password</source>
        <translation>&amp;Contraseña</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/first_run.py" line="64"/>
        <source>&amp;Repeat the password</source>
        <translation>&amp;Repita la contraseña</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/first_run.py" line="74"/>
        <source>Loading the demo cooperative…</source>
        <translation>Cargando la cooperativa de demostración…</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/first_run.py" line="83"/>
        <source>Opening the demo</source>
        <translation>Abriendo la demostración</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <location filename="../../coop_desk/ui/dialogs/form.py" line="182"/>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/form.py" line="125"/>
        <source>Discard changes?</source>
        <translation>¿Descartar los cambios?</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/form.py" line="236"/>
        <source>The changes in this form are not saved. Discard them?</source>
        <translation>Los cambios de este formulario no están guardados. ¿Descartarlos?</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/form.py" line="330"/>
        <source>another user</source>
        <translation>otro usuario</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/form.py" line="332"/>
        <source>{0} deleted part of this record on {1}, after you opened it.</source>
        <translation>{0} eliminó parte de este registro el {1}, después de que usted lo abrió.</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/form.py" line="334"/>
        <source>{0} changed this record on {1}, after you opened it.</source>
        <translation>{0} cambió este registro el {1}, después de que usted lo abrió.</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/form.py" line="336"/>
        <source>a moment ago</source>
        <translation>hace un momento</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/form.py" line="338"/>
        <source>Nothing was saved, so that neither change is lost.</source>
        <translation>No se guardó nada, para que ninguno de los dos cambios se pierda.</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/form.py" line="345"/>
        <source>Changed on another computer</source>
        <translation>Cambiado en otra computadora</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/form.py" line="351"/>
        <source>Reload shows the values saved now; what you typed stays visible under each field that differs, so you can make your change again.</source>
        <translation>Recargar muestra los valores guardados ahora; lo que usted escribió queda visible debajo de cada campo que difiere, para que pueda volver a hacer su cambio.</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/form.py" line="355"/>
        <source>&amp;Reload</source>
        <translation>&amp;Recargar</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/form.py" line="356"/>
        <source>&amp;Keep editing</source>
        <translation>&amp;Seguir editando</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/form.py" line="383"/>
        <source>You typed: {0}</source>
        <translation>Usted escribió: {0}</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/form.py" line="383"/>
        <source>(empty)</source>
        <translation>(vacío)</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/form.py" line="388"/>
        <source>Reloaded: the form shows the values saved now. What you typed is shown under the fields that differ; make your change again and save.</source>
        <translation>Recargado: el formulario muestra los valores guardados ahora. Lo que usted escribió se muestra debajo de los campos que difieren; vuelva a hacer su cambio y guarde.</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/form.py" line="393"/>
        <source>Reloaded: the form shows the values saved now.</source>
        <translation>Recargado: el formulario muestra los valores guardados ahora.</translation>
    </message>
</context>
<context>
    <name>GenderReportDialog</name>
    <message>
        <location filename="../../coop_desk/ui/printing/gender.py" line="77"/>
        <source>Gender report</source>
        <translation>Informe de género</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/gender.py" line="84"/>
        <source>Fiscal year</source>
        <translation>Ejercicio</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/gender.py" line="92"/>
        <source>Save as &amp;PDF…</source>
        <translation>Guardar como &amp;PDF…</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/gender.py" line="93"/>
        <source>&amp;Print…</source>
        <translation>&amp;Imprimir…</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/gender.py" line="131"/>
        <source>{0}: approved USD {1}, spent USD {2} in {3}, {4} of all the Premium spent on projects.</source>
        <translation>{0}: aprobado USD {1}, gastado USD {2} en {3}, {4} de toda la Prima gastada en proyectos.</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/gender.py" line="144"/>
        <source>The plan has no women&apos;s programme.</source>
        <translation>El plan no tiene un programa de mujeres.</translation>
    </message>
</context>
<context>
    <name>GeometryImportDialog</name>
    <message>
        <location filename="../../coop_desk/ui/dialogs/trade.py" line="311"/>
        <location filename="../../coop_desk/ui/dialogs/trade.py" line="360"/>
        <source>Import plot boundaries</source>
        <translation>Importar linderos de parcelas</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/trade.py" line="313"/>
        <source>&amp;Import</source>
        <translation>&amp;Importar</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/trade.py" line="316"/>
        <source>GeoJSON from a GIS, KML/KMZ from Google Earth or GPX tracks from a phone. Each feature is matched to a plot by the plot&apos;s code, or by the member&apos;s code and the plot&apos;s name. Features that cannot be used are listed with the reason; they do not stop the others.</source>
        <translation>GeoJSON de un SIG, KML/KMZ de Google Earth o tracks GPX de un celular. Cada elemento se asigna a una parcela por el código de la parcela, o por el código del socio y el nombre de la parcela. Los elementos que no se pueden usar se listan con el motivo; no detienen a los demás.</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/trade.py" line="325"/>
        <source>no file chosen</source>
        <translation>ningún archivo elegido</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/trade.py" line="326"/>
        <source>Choose file…</source>
        <translation>Elegir archivo…</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/trade.py" line="336"/>
        <source>degrees (WGS84)</source>
        <translation>grados (WGS84)</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/trade.py" line="338"/>
        <source>UTM zone {0}S</source>
        <translation>UTM zona {0}S</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/trade.py" line="342"/>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/trade.py" line="343"/>
        <source>&amp;Member code in</source>
        <translation>Código de &amp;socio en</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/trade.py" line="344"/>
        <source>&amp;Plot in</source>
        <translation>&amp;Parcela en</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/trade.py" line="345"/>
        <source>Coordinates in</source>
        <translation>Coordenadas en</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/trade.py" line="382"/>
        <source>the feature&apos;s name</source>
        <translation>el nombre del elemento</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/trade.py" line="391"/>
        <source>boundary</source>
        <translation>lindero</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/trade.py" line="392"/>
        <source>GPS point</source>
        <translation>punto GPS</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/trade.py" line="393"/>
        <source>unchanged</source>
        <translation>sin cambios</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/trade.py" line="394"/>
        <source>cannot be used</source>
        <translation>no se puede usar</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/trade.py" line="400"/>
        <source>{0} (replaces the stored one)</source>
        <translation>{0} (reemplaza al guardado)</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/trade.py" line="408"/>
        <source>Feature</source>
        <translation>Elemento</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/trade.py" line="412"/>
        <source>Plot</source>
        <translation>Parcela</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/trade.py" line="413"/>
        <source>What happens</source>
        <translation>Qué pasará</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/trade.py" line="414"/>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/trade.py" line="437"/>
        <source>{0} features: {1} will be stored, {2} cannot be used.</source>
        <translation>{0} elementos: se guardarán {1}, {2} no se pueden usar.</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/trade.py" line="446"/>
        <source>choose the file to import</source>
        <translation>elija el archivo a importar</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/trade.py" line="449"/>
        <source>No feature of the file can be used (see the reasons).</source>
        <translation>Ningún elemento del archivo se puede usar (vea los motivos).</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <location filename="../../coop_desk/ui/help.py" line="46"/>
        <location filename="../../coop_desk/ui/help.py" line="80"/>
        <source>coop-desk manual</source>
        <translation>Manual de coop-desk</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/help.py" line="51"/>
        <source>&amp;Back</source>
        <translation>&amp;Atrás</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/help.py" line="55"/>
        <source>&amp;Contents</source>
        <translation>Í&amp;ndice</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <location filename="../../coop_desk/ui/dialogs/history.py" line="88"/>
        <source>{0} changes recorded; last by {1}.</source>
        <translation>{0} cambios registrados; el último por {1}.</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/history.py" line="94"/>
        <source>No change of this record is in the audit trail.</source>
        <translation>El registro de auditoría no tiene cambios de este registro.</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/history.py" line="43"/>
        <source>History of {0}</source>
        <translation>Historial de {0}</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <location filename="../../coop_desk/ui/pages/home.py" line="106"/>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/home.py" line="107"/>
        <source>Refresh</source>
        <translation>Actualizar</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/home.py" line="120"/>
        <source>Back up now</source>
        <translation>Hacer copia ahora</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/home.py" line="121"/>
        <source>Backup settings…</source>
        <translation>Copias de seguridad…</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/home.py" line="153"/>
        <source>Spending per project against the approved budget</source>
        <translation>Gasto por proyecto frente al presupuesto aprobado</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/home.py" line="156"/>
        <source>Premium per year (USD)</source>
        <translation>Prima por ejercicio (USD)</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/home.py" line="166"/>
        <source>Open compliance findings</source>
        <translation>Observaciones de cumplimiento abiertas</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/__init__.py" line="92"/>
        <location filename="../../coop_desk/ui/pages/home.py" line="190"/>
        <source>Home</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/home.py" line="250"/>
        <source>Loading the home page…</source>
        <translation>Cargando la página de inicio…</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/home.py" line="262"/>
        <source>Today, {0}</source>
        <translation>Hoy, {0}</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/home.py" line="272"/>
        <source>{0} warnings, {1} errors</source>
        <translation>{0} advertencias, {1} errores</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/home.py" line="281"/>
        <source>{0} active members</source>
        <translation>{0} socios activos</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/home.py" line="283"/>
        <source>{0} in the register. Open the register</source>
        <translation>{0} en el padrón. Abrir el padrón</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/home.py" line="286"/>
        <source>{0}% women</source>
        <translation>{0}% mujeres</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/home.py" line="288"/>
        <source>{0} women among the active members. Open the gender report</source>
        <translation>{0} mujeres entre los socios activos. Abrir el informe de género</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/home.py" line="296"/>
        <source>ICS coverage {0}%</source>
        <translation>Cobertura del SIC {0}%</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/home.py" line="299"/>
        <source>ICS coverage: nobody in the group yet</source>
        <translation>Cobertura del SIC: aún nadie en el grupo</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/home.py" line="301"/>
        <source>{0} of {1} members inspected in {2}</source>
        <translation>{0} de {1} socios inspeccionados en {2}</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/home.py" line="308"/>
        <source>Certificates to renew: {0}</source>
        <translation>Certificados por renovar: {0}</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/home.py" line="312"/>
        <source>Expired or expiring within {0} days; the first on {1}</source>
        <translation>Vencidos o que vencen en {0} días; el primero el {1}</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/home.py" line="316"/>
        <source>None expires within {0} days</source>
        <translation>Ninguno vence en {0} días</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/home.py" line="322"/>
        <source>Premium received in {0}</source>
        <translation>Prima recibida en {0}</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/home.py" line="324"/>
        <source>Spent on projects in {0}</source>
        <translation>Gastado en proyectos en {0}</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/home.py" line="326"/>
        <source>Remaining in the Premium fund</source>
        <translation>Saldo del fondo de la Prima</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/home.py" line="330"/>
        <source>Compliance warnings: {0}</source>
        <translation>Advertencias de cumplimiento: {0}</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/home.py" line="332"/>
        <source>Integrity errors: {0}</source>
        <translation>Errores de integridad: {0}</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/home.py" line="334"/>
        <source>Open the first one</source>
        <translation>Abrir la primera</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/home.py" line="339"/>
        <source>Last backup {0}</source>
        <translation>Última copia {0}</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/home.py" line="341"/>
        <source>No backup yet</source>
        <translation>Aún no hay copia</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/home.py" line="344"/>
        <source>{0} daily and {1} monthly copies in {2}</source>
        <translation>{0} copias diarias y {1} mensuales en {2}</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/home.py" line="373"/>
        <source>No good backup of this database has been made yet.</source>
        <translation>Aún no se ha hecho ninguna copia buena de esta base de datos.</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/home.py" line="376"/>
        <source>The last good backup was made {0} days ago.</source>
        <translation>La última copia buena se hizo hace {0} días.</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/home.py" line="378"/>
        <source>The backup folder {0} cannot be reached.</source>
        <translation>No se puede acceder a la carpeta de copias {0}.</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/home.py" line="394"/>
        <source>Approved</source>
        <translation>Aprobado</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/home.py" line="396"/>
        <location filename="../../coop_desk/ui/pages/home.py" line="430"/>
        <source>Spent</source>
        <translation>Gastado</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/home.py" line="428"/>
        <source>Received</source>
        <translation>Recibido</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/home.py" line="432"/>
        <source>Remaining</source>
        <translation>Saldo</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location filename="../../coop_desk/ui/dialogs/import_wizard.py" line="63"/>
        <source>Row</source>
        <translation>Fila</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/import_wizard.py" line="69"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/import_wizard.py" line="73"/>
        <source>Code</source>
        <translation>Código</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/import_wizard.py" line="74"/>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/import_wizard.py" line="76"/>
        <source>Organic</source>
        <translation>Orgánico</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/import_wizard.py" line="81"/>
        <source>Fairtrade</source>
        <translation>Fairtrade</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/import_wizard.py" line="87"/>
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/import_wizard.py" line="89"/>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/import_wizard.py" line="94"/>
        <source>Changes / problems</source>
        <translation>Cambios / problemas</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/import_wizard.py" line="377"/>
        <source>Import a member roster</source>
        <translation>Importar un padrón de socios</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/import_wizard.py" line="401"/>
        <location filename="../../coop_desk/ui/dialogs/import_wizard.py" line="432"/>
        <source>Reading {0}</source>
        <translation>Leyendo {0}</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/import_wizard.py" line="466"/>
        <source>Importing members</source>
        <translation>Importando socios</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/import_wizard.py" line="470"/>
        <source>Nothing was imported</source>
        <translation>No se importó nada</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/import_wizard.py" line="484"/>
        <source>Import finished</source>
        <translation>Importación terminada</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/import_wizard.py" line="486"/>
        <source>{0} members added, {1} updated, {2} unchanged, {3} rows not imported.</source>
        <translation>{0} socios agregados, {1} actualizados, {2} sin cambios, {3} filas no importadas.</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/import_wizard.py" line="116"/>
        <source>Warning: {0}</source>
        <translation>Advertencia: {0}</translation>
    </message>
</context>
<context>
    <name>InspectionDialog</name>
    <message>
        <location filename="../../coop_desk/ui/dialogs/inspection.py" line="48"/>
        <source>Internal inspection</source>
        <translation>Inspección interna</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/inspection.py" line="63"/>
        <source>kg of green coffee</source>
        <translation>kg de café verde</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/inspection.py" line="65"/>
        <source>none known</source>
        <translation>ninguno conocido</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/inspection.py" line="66"/>
        <source>date known:</source>
        <translation>fecha conocida:</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/inspection.py" line="75"/>
        <source>what the member must do</source>
        <translation>lo que el socio debe hacer</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/inspection.py" line="77"/>
        <source>Add</source>
        <translation>Agregar</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/inspection.py" line="79"/>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/inspection.py" line="91"/>
        <source>&amp;Member</source>
        <translation>&amp;Socio</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/inspection.py" line="92"/>
        <source>&amp;Date</source>
        <translation>&amp;Fecha</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/inspection.py" line="93"/>
        <source>&amp;Inspector</source>
        <translation>&amp;Inspector</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/inspection.py" line="94"/>
        <source>&amp;Plots visited</source>
        <translation>&amp;Parcelas visitadas</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/inspection.py" line="95"/>
        <source>&amp;Result</source>
        <translation>&amp;Resultado</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/inspection.py" line="96"/>
        <source>&amp;Findings</source>
        <translation>&amp;Hallazgos</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/inspection.py" line="97"/>
        <source>Corrective &amp;actions</source>
        <translation>&amp;Acciones correctivas</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/inspection.py" line="98"/>
        <source>&amp;Yield estimate (kg)</source>
        <translation>&amp;Estimado de cosecha (kg)</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/inspection.py" line="99"/>
        <source>Last &amp;prohibited input</source>
        <translation>Último insumo prohi&amp;bido</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/inspection.py" line="138"/>
        <source>describe the action</source>
        <translation>describa la acción</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/inspection.py" line="143"/>
        <source>{0} — due {1}</source>
        <translation>{0} — vence {1}</translation>
    </message>
</context>
<context>
    <name>JournalTab</name>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/tabs.py" line="328"/>
        <source>Search number, description, payee, voucher</source>
        <translation>Buscar número, descripción, beneficiario, comprobante</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/tabs.py" line="344"/>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/tabs.py" line="346"/>
        <source>to</source>
        <translation>hasta</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/tabs.py" line="341"/>
        <source>One row per entry</source>
        <translation>Fila por asiento</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/tabs.py" line="342"/>
        <source>One row per posting</source>
        <translation>Fila por movimiento</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/tabs.py" line="350"/>
        <source>&amp;Open entry…</source>
        <translation>&amp;Abrir asiento…</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/tabs.py" line="352"/>
        <source>&amp;Go to linked entry</source>
        <translation>&amp;Ir al asiento vinculado</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/tabs.py" line="354"/>
        <source>&amp;Reverse entry…</source>
        <translation>&amp;Revertir asiento…</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/tabs.py" line="422"/>
        <source>All projects</source>
        <translation>Todos los proyectos</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/tabs.py" line="423"/>
        <source>All accounts</source>
        <translation>Todas las cuentas</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/tabs.py" line="564"/>
        <source>{0} entries, {1} postings</source>
        <translation>{0} asientos, {1} movimientos</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/tabs.py" line="567"/>
        <source>{0} entries</source>
        <translation>{0} asientos</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/tabs.py" line="637"/>
        <source>Open entry…</source>
        <translation>Abrir asiento…</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/tabs.py" line="639"/>
        <source>Go to linked entry</source>
        <translation>Ir al asiento vinculado</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/tabs.py" line="644"/>
        <source>Reverse entry…</source>
        <translation>Revertir asiento…</translation>
    </message>
</context>
<context>
    <name>LedgerSettingsDialog</name>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/setup.py" line="74"/>
        <source>Premium ledger settings</source>
        <translation>Configuración del libro de la Prima</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/setup.py" line="84"/>
        <source> days after shipment</source>
        <translation> días después del embarque</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/setup.py" line="90"/>
        <source>Premium is &amp;overdue</source>
        <translation>La Prima está &amp;vencida a los</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/setup.py" line="76"/>
        <source>Ask to confirm; the compliance checks report it</source>
        <translation>Pedir confirmación; los controles de cumplimiento lo informan</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/setup.py" line="78"/>
        <source>Only administrators may confirm it; refuse it to the others</source>
        <translation>Solo un administrador puede confirmarlo; rechazarlo a los demás</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/setup.py" line="81"/>
        <source>Refuse the payment</source>
        <translation>Rechazar el pago</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/setup.py" line="86"/>
        <source>Payments outside the approved
budget or the account&apos;s balance</source>
        <translation>Pagos fuera del presupuesto
aprobado o del saldo de la cuenta</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../coop_desk/ui/dialogs/login.py" line="50"/>
        <source>Sign in to coop-desk</source>
        <translation>Ingresar a coop-desk</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/login.py" line="52"/>
        <source>Sign in with your user name and password.</source>
        <translation>Ingrese con su nombre de usuario y contraseña.</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/login.py" line="60"/>
        <source>&amp;User name</source>
        <translation>&amp;Usuario</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/login.py" line="61"/>
        <source>&amp;Password</source>
        <translation>&amp;Contraseña</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/login.py" line="64"/>
        <source>&amp;Sign in</source>
        <translation>&amp;Ingresar</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/login.py" line="86"/>
        <source>Please enter your user name.</source>
        <translation>Ingrese su nombre de usuario.</translation>
    </message>
</context>
<context>
    <name>LotDialog</name>
    <message>
        <location filename="../../coop_desk/ui/dialogs/trade.py" line="562"/>
        <source>Lot {0}</source>
        <translation>Lote {0}</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/trade.py" line="562"/>
        <source>New lot</source>
        <translation>Nuevo lote</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/trade.py" line="569"/>
        <source>Certified lot: certified coffee only</source>
        <translation>Lote certificado: solo café certificado</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/trade.py" line="572"/>
        <source>— no contract yet —</source>
        <translation>— sin contrato aún —</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/trade.py" line="580"/>
        <source>A micro-lot carries one producer&apos;s name: only her deliveries go into it.</source>
        <translation>Un microlote lleva el nombre de una productora: solo entran sus entregas.</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/trade.py" line="585"/>
        <source>&amp;Code</source>
        <translation>&amp;Código</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/trade.py" line="587"/>
        <source>C&amp;ontract</source>
        <translation>C&amp;ontrato</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/trade.py" line="588"/>
        <source>Micro-lot &amp;producer</source>
        <translation>&amp;Productora del microlote</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/trade.py" line="589"/>
        <source>&amp;Date</source>
        <translation>&amp;Fecha</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/trade.py" line="590"/>
        <source>&amp;Notes</source>
        <translation>&amp;Notas</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../coop_desk/ui/main_window.py" line="93"/>
        <location filename="../../coop_desk/ui/main_window.py" line="277"/>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/main_window.py" line="285"/>
        <source>Cooperative &amp;settings…</source>
        <translation>&amp;Configuración de la cooperativa…</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/main_window.py" line="297"/>
        <source>&amp;Import</source>
        <translation>&amp;Importar</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/main_window.py" line="298"/>
        <source>&amp;Language</source>
        <translation>I&amp;dioma</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/main_window.py" line="307"/>
        <source>Change &amp;password…</source>
        <translation>Cambiar c&amp;ontraseña…</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/main_window.py" line="310"/>
        <source>S&amp;witch user…</source>
        <translation>Cambiar de &amp;usuario…</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/main_window.py" line="361"/>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/main_window.py" line="316"/>
        <source>&amp;Export</source>
        <translation>E&amp;xportar</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/main_window.py" line="78"/>
        <source>Opening the database…</source>
        <translation>Abriendo la base de datos…</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/main_window.py" line="319"/>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/main_window.py" line="320"/>
        <source>&amp;Find</source>
        <translation>&amp;Buscar</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/main_window.py" line="324"/>
        <source>&amp;New record</source>
        <translation>&amp;Nuevo registro</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/main_window.py" line="349"/>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/main_window.py" line="354"/>
        <source>&amp;About coop-desk</source>
        <translation>&amp;Acerca de coop-desk</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/main_window.py" line="436"/>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/main_window.py" line="437"/>
        <source>The language changes the next time coop-desk starts.</source>
        <translation>El idioma cambiará la próxima vez que inicie coop-desk.</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/main_window.py" line="443"/>
        <source>About coop-desk</source>
        <translation>Acerca de coop-desk</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/main_window.py" line="445"/>
        <source>coop-desk {0}
Member register, certifications and Fairtrade Premium ledger for coffee cooperatives.

Database: {1}</source>
        <translation>coop-desk {0}
Padrón de socios, certificaciones y libro de la Prima Fairtrade para cooperativas cafetaleras.

Base de datos: {1}</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/main_window.py" line="278"/>
        <source>&amp;Open database…</source>
        <translation>&amp;Abrir base de datos…</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/main_window.py" line="282"/>
        <source>Recent &amp;databases</source>
        <translation>Bases de datos &amp;recientes</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/main_window.py" line="288"/>
        <source>&amp;Backups…</source>
        <translation>&amp;Copias de seguridad…</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/main_window.py" line="291"/>
        <source>Back up the database to a &amp;file…</source>
        <translation>Copiar la base de datos a un a&amp;rchivo…</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/main_window.py" line="294"/>
        <source>&amp;Restore from a copy…</source>
        <translation>&amp;Restaurar desde una copia…</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/main_window.py" line="329"/>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/main_window.py" line="330"/>
        <source>&amp;Home</source>
        <translation>&amp;Inicio</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/main_window.py" line="334"/>
        <source>&amp;Start on the home page</source>
        <translation>&amp;Empezar en la página de inicio</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/main_window.py" line="350"/>
        <source>&amp;Manual</source>
        <translation>&amp;Manual</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <location filename="../../coop_desk/ui/dialogs/import_wizard.py" line="203"/>
        <source>Columns</source>
        <translation>Columnas</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/import_wizard.py" line="206"/>
        <source>What each column of the sheet holds. Recognised columns are already chosen; pick a field for any other column you want to import.</source>
        <translation>Qué contiene cada columna de la hoja. Las columnas reconocidas ya están elegidas; escoja un campo para cualquier otra columna que quiera importar.</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/import_wizard.py" line="221"/>
        <source>&amp;Date of joining for new members whose row gives none:</source>
        <translation>&amp;Fecha de ingreso para socios nuevos cuya fila no la indica:</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/import_wizard.py" line="248"/>
        <source>Sheet “{0}”, headers on row {1}, {2} member rows, {3} rows skipped.</source>
        <translation>Hoja «{0}», encabezados en la fila {1}, {2} filas de socios, {3} filas omitidas.</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/import_wizard.py" line="256"/>
        <source>Column</source>
        <translation>Columna</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/import_wizard.py" line="256"/>
        <source>Header</source>
        <translation>Encabezado</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/import_wizard.py" line="256"/>
        <source>Examples</source>
        <translation>Ejemplos</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/import_wizard.py" line="256"/>
        <source>Import as</source>
        <translation>Importar como</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/import_wizard.py" line="265"/>
        <source>(not imported)</source>
        <translation>(no se importa)</translation>
    </message>
</context>
<context>
    <name>MemberCertificationTab</name>
    <message>
        <location filename="../../coop_desk/ui/dialogs/member_certs_tab.py" line="90"/>
        <source>New inspection…</source>
        <translation>Nueva inspección…</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/member_certs_tab.py" line="91"/>
        <source>Sanction…</source>
        <translation>Sanción…</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/member_certs_tab.py" line="92"/>
        <source>Committee decision…</source>
        <translation>Decisión del comité…</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/member_certs_tab.py" line="93"/>
        <source>Plot organic status…</source>
        <translation>Estado orgánico de la parcela…</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/member_certs_tab.py" line="94"/>
        <source>Scheme scope…</source>
        <translation>Alcance del esquema…</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/member_certs_tab.py" line="95"/>
        <source>Member certificate…</source>
        <translation>Certificado del socio…</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/member_certs_tab.py" line="115"/>
        <source>Schemes</source>
        <translation>Esquemas</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/member_certs_tab.py" line="118"/>
        <source>Plots</source>
        <translation>Parcelas</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/member_certs_tab.py" line="119"/>
        <source>Internal inspections</source>
        <translation>Inspecciones internas</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/member_certs_tab.py" line="120"/>
        <source>Sanctions</source>
        <translation>Sanciones</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/member_certs_tab.py" line="152"/>
        <source>Save the member first to record certification data.</source>
        <translation>Guarde primero el socio para registrar datos de certificación.</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/member_certs_tab.py" line="173"/>
        <source>Register: {0}</source>
        <translation>Padrón: {0}</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/member_certs_tab.py" line="178"/>
        <source>ICS approved since {0}</source>
        <translation>Aprobado por el SIC desde {0}</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/member_certs_tab.py" line="181"/>
        <source>ICS committee: {0} on {1}</source>
        <translation>Comité del SIC: {0} el {1}</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/member_certs_tab.py" line="187"/>
        <source>awaiting the ICS committee&apos;s approval</source>
        <translation>pendiente de aprobación del comité del SIC</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/member_certs_tab.py" line="189"/>
        <source>excluded from the organic group</source>
        <translation>excluido del grupo orgánico</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/member_certs_tab.py" line="191"/>
        <source>suspended: plots do not count as certified</source>
        <translation>suspendido: sus parcelas no cuentan como certificadas</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/member_certs_tab.py" line="194"/>
        <source>last inspection {0}</source>
        <translation>última inspección {0}</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/member_certs_tab.py" line="196"/>
        <source>never inspected</source>
        <translation>nunca inspeccionado</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/member_certs_tab.py" line="199"/>
        <source>not inspected in {0}</source>
        <translation>sin inspección en {0}</translation>
    </message>
</context>
<context>
    <name>MemberEditor</name>
    <message>
        <location filename="../../coop_desk/ui/dialogs/member_editor.py" line="154"/>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/member_editor.py" line="156"/>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/member_editor.py" line="159"/>
        <source>To</source>
        <translation>Hasta</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/member_editor.py" line="161"/>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/member_editor.py" line="163"/>
        <source>Recorded by</source>
        <translation>Registrado por</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/member_editor.py" line="190"/>
        <source>8 digits</source>
        <translation>8 dígitos</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/member_editor.py" line="204"/>
        <source>&amp;Code</source>
        <translation>Códi&amp;go</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/member_editor.py" line="205"/>
        <source>&amp;First names</source>
        <translation>&amp;Nombres</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/member_editor.py" line="206"/>
        <source>&amp;Surnames</source>
        <translation>&amp;Apellidos</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/member_editor.py" line="207"/>
        <source>&amp;DNI</source>
        <translation>&amp;DNI</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/member_editor.py" line="208"/>
        <source>&amp;Gender</source>
        <translation>&amp;Sexo</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/member_editor.py" line="209"/>
        <source>&amp;Birth date</source>
        <translation>Fecha de naci&amp;miento</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/member_editor.py" line="210"/>
        <source>&amp;Joined on</source>
        <translation>Fecha de &amp;ingreso</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/member_editor.py" line="211"/>
        <source>C&amp;ommunity (caserío / sector)</source>
        <translation>&amp;Caserío / comunidad (sector)</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/member_editor.py" line="212"/>
        <source>&amp;Phone</source>
        <translation>Telé&amp;fono</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/member_editor.py" line="213"/>
        <source>&amp;Notes</source>
        <translation>N&amp;otas</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/member_editor.py" line="222"/>
        <source>&amp;Add plot</source>
        <translation>Agregar &amp;parcela</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/member_editor.py" line="223"/>
        <source>&amp;Remove plot</source>
        <translation>&amp;Quitar parcela</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/member_editor.py" line="250"/>
        <source>Change &amp;status…</source>
        <translation>Cambiar &amp;estado…</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/member_editor.py" line="264"/>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/member_editor.py" line="265"/>
        <source>Plots</source>
        <translation>Parcelas</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/member_editor.py" line="266"/>
        <source>Status and history</source>
        <translation>Estado e historial</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/member_editor.py" line="274"/>
        <source>Certification</source>
        <translation>Certificación</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/member_editor.py" line="277"/>
        <source>&amp;History…</source>
        <translation>&amp;Historial…</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/member_editor.py" line="280"/>
        <source>Every change to this member, its plots and status: who, when, what</source>
        <translation>Todos los cambios de este socio, sus parcelas y su estado: quién, cuándo, qué</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/member_editor.py" line="293"/>
        <source>New member</source>
        <translation>Nuevo socio</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/member_editor.py" line="303"/>
        <source>A new member starts as active.</source>
        <translation>Un socio nuevo empieza como activo.</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/member_editor.py" line="333"/>
        <source>Status: {0} since {1}</source>
        <translation>Estado: {0} desde {1}</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/member_editor.py" line="544"/>
        <source>This member has changes that are not saved. Discard them?</source>
        <translation>Este socio tiene cambios sin guardar. ¿Descartarlos?</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/member_editor.py" line="299"/>
        <source>The next free code; type another to change it</source>
        <translation>El siguiente código libre; escriba otro para cambiarlo</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/member_editor.py" line="338"/>
        <source>Changes to {0} from {1} when you save ({2}).</source>
        <translation>Pasa a {0} desde el {1} al guardar ({2}).</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/member_editor.py" line="534"/>
        <source>Save with a warning?</source>
        <translation>¿Guardar con una advertencia?</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/member_editor.py" line="535"/>
        <source>This looks unlikely. Check it; save it if it is right.</source>
        <translation>Esto parece poco probable. Revíselo; guárdelo si es correcto.</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/member_editor.py" line="537"/>
        <source>&amp;Save anyway</source>
        <translation>&amp;Guardar de todos modos</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/member_editor.py" line="538"/>
        <source>&amp;Go back</source>
        <translation>&amp;Volver</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/member_editor.py" line="443"/>
        <source>You typed for plot {0}: {1}</source>
        <translation>Usted escribió para la parcela {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/member_editor.py" line="450"/>
        <source>You had removed plot {0}.</source>
        <translation>Usted había quitado la parcela {0}.</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/member_editor.py" line="459"/>
        <source>total {0} ha</source>
        <translation>total {0} ha</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/member_editor.py" line="460"/>
        <source>coffee {0} ha</source>
        <translation>café {0} ha</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/member_editor.py" line="463"/>
        <source>{0} m</source>
        <translation>{0} m</translation>
    </message>
</context>
<context>
    <name>MembersPage</name>
    <message>
        <location filename="../../coop_desk/ui/pages/members.py" line="125"/>
        <source>Search code, names, DNI or community (Ctrl+F)</source>
        <translation>Buscar código, nombres, DNI o caserío (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/members.py" line="128"/>
        <source>All statuses</source>
        <translation>Todos los estados</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/members.py" line="132"/>
        <source>Women and men</source>
        <translation>Mujeres y hombres</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/members.py" line="133"/>
        <source>Women</source>
        <translation>Mujeres</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/members.py" line="134"/>
        <source>Men</source>
        <translation>Hombres</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/members.py" line="136"/>
        <location filename="../../coop_desk/ui/pages/members.py" line="446"/>
        <source>All communities</source>
        <translation>Todos los caseríos</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/members.py" line="137"/>
        <source>&amp;New member</source>
        <translation>&amp;Nuevo socio</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/members.py" line="138"/>
        <source>&amp;Open</source>
        <translation>&amp;Abrir</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/members.py" line="139"/>
        <source>&amp;Import…</source>
        <translation>&amp;Importar…</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/members.py" line="140"/>
        <source>Import a member roster from an Excel workbook</source>
        <translation>Importar un padrón de socios desde un libro de Excel</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/members.py" line="141"/>
        <source>E&amp;xport…</source>
        <translation>E&amp;xportar…</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/members.py" line="143"/>
        <source>Write the register, with plots, to an Excel workbook</source>
        <translation>Guardar el padrón, con las parcelas, en un libro de Excel</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/__init__.py" line="93"/>
        <location filename="../../coop_desk/ui/pages/members.py" line="261"/>
        <source>Members</source>
        <translation>Socios</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/members.py" line="364"/>
        <source>{0} members · {1} active · {2} women ({3}%)</source>
        <translation>{0} socios · {1} activos · {2} mujeres ({3} %)</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/members.py" line="218"/>
        <source>&amp;Import a roster from Excel…</source>
        <translation>&amp;Importar un padrón de Excel…</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/members.py" line="220"/>
        <source>Register a &amp;member</source>
        <translation>Registrar un &amp;socio</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/members.py" line="222"/>
        <source>Cooperative &amp;settings…</source>
        <translation>&amp;Configuración de la cooperativa…</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/members.py" line="379"/>
        <source>&lt;b&gt;The register has no members yet.&lt;/b&gt; To start:</source>
        <translation>&lt;b&gt;El padrón aún no tiene socios.&lt;/b&gt; Para empezar:</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/members.py" line="383"/>
        <source>• import the roster you keep in Excel (the import shows every row before anything is saved), or register members one by one;</source>
        <translation>• importe el padrón que lleva en Excel (la importación muestra cada fila antes de guardar nada), o registre a los socios uno por uno;</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/members.py" line="391"/>
        <source>• fill in the cooperative&apos;s RUC and FLO ID (File → Cooperative settings): reports and workbooks carry them.</source>
        <translation>• complete el RUC y el FLO ID de la cooperativa (Archivo → Configuración de la cooperativa): los informes y los libros de Excel los llevan.</translation>
    </message>
</context>
<context>
    <name>MembersTableModel</name>
    <message>
        <location filename="../../coop_desk/ui/pages/members.py" line="58"/>
        <source>Code</source>
        <translation>Código</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/members.py" line="59"/>
        <source>Surnames</source>
        <translation>Apellidos</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/members.py" line="61"/>
        <source>First names</source>
        <translation>Nombres</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/members.py" line="63"/>
        <source>DNI</source>
        <translation>DNI</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/members.py" line="65"/>
        <source>Gender</source>
        <translation>Sexo</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/members.py" line="69"/>
        <source>Community</source>
        <translation>Caserío</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/members.py" line="71"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/members.py" line="75"/>
        <source>Joined</source>
        <translation>Ingreso</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/members.py" line="77"/>
        <source>Plots</source>
        <translation>Parcelas</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/members.py" line="82"/>
        <source>Coffee (ha)</source>
        <translation>Café (ha)</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/members.py" line="86"/>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
</context>
<context>
    <name>MoneyAccountDialog</name>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/setup.py" line="44"/>
        <source>New bank or cash account</source>
        <translation>Nueva cuenta de banco o caja</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/setup.py" line="46"/>
        <source>e.g. Banco de la Nación USD</source>
        <translation>p. ej. Banco de la Nación USD</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/setup.py" line="48"/>
        <source>Bank account</source>
        <translation>Cuenta bancaria</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/setup.py" line="49"/>
        <source>Cash</source>
        <translation>Caja</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/setup.py" line="55"/>
        <source>Bank, account number (optional)</source>
        <translation>Banco, número de cuenta (opcional)</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/setup.py" line="56"/>
        <source>&amp;Name</source>
        <translation>&amp;Nombre</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/setup.py" line="57"/>
        <source>&amp;Kind</source>
        <translation>&amp;Tipo</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/setup.py" line="58"/>
        <source>C&amp;urrency</source>
        <translation>&amp;Moneda</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/setup.py" line="59"/>
        <source>&amp;Bank details</source>
        <translation>Datos &amp;bancarios</translation>
    </message>
</context>
<context>
    <name>OpenDatabaseDialog</name>
    <message>
        <location filename="../../coop_desk/ui/dialogs/open_database.py" line="44"/>
        <source>Open database</source>
        <translation>Abrir base de datos</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/open_database.py" line="49"/>
        <source>A database &amp;file on this computer</source>
        <translation>Un &amp;archivo de base de datos en esta computadora</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/open_database.py" line="52"/>
        <source>A database on a &amp;PostgreSQL server (shared by several PCs)</source>
        <translation>Una base de datos en un servidor &amp;PostgreSQL (compartida por varias PC)</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/open_database.py" line="63"/>
        <source>&amp;Browse…</source>
        <translation>&amp;Examinar…</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/open_database.py" line="70"/>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/open_database.py" line="76"/>
        <source>e.g. 192.168.1.10 or server-office</source>
        <translation>p. ej. 192.168.1.10 o servidor-oficina</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/open_database.py" line="87"/>
        <source>&amp;Host</source>
        <translation>&amp;Servidor</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/open_database.py" line="88"/>
        <source>P&amp;ort</source>
        <translation>Pu&amp;erto</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/open_database.py" line="89"/>
        <source>&amp;Database</source>
        <translation>&amp;Base de datos</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/open_database.py" line="90"/>
        <source>&amp;User</source>
        <translation>&amp;Usuario</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/open_database.py" line="93"/>
        <source>The password is asked for when the server wants one; it is never stored by coop-desk. It can also be kept in PostgreSQL&apos;s own password file (pgpass).</source>
        <translation>La contraseña se pide cuando el servidor la requiere; coop-desk nunca la guarda. También puede guardarse en el archivo de contraseñas propio de PostgreSQL (pgpass).</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/open_database.py" line="130"/>
        <source>choose the database file</source>
        <translation>elija el archivo de la base de datos</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/open_database.py" line="135"/>
        <source>the folder {0} does not exist</source>
        <translation>la carpeta {0} no existe</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/open_database.py" line="139"/>
        <source>give the server&apos;s name or address</source>
        <translation>indique el nombre o la dirección del servidor</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/open_database.py" line="141"/>
        <source>give the name of the database</source>
        <translation>indique el nombre de la base de datos</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/open_database.py" line="143"/>
        <source>give the PostgreSQL user name</source>
        <translation>indique el usuario de PostgreSQL</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/open_database.py" line="162"/>
        <source>Open a coop-desk database</source>
        <translation>Abrir una base de datos de coop-desk</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/open_database.py" line="164"/>
        <source>coop-desk database (*.sqlite);;All files (*)</source>
        <translation>Base de datos de coop-desk (*.sqlite);;Todos los archivos (*)</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/open_database.py" line="190"/>
        <source>Database password</source>
        <translation>Contraseña de la base de datos</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/open_database.py" line="192"/>
        <source>The server refused that password. Password for {0}:</source>
        <translation>El servidor rechazó esa contraseña. Contraseña para {0}:</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/open_database.py" line="196"/>
        <source>Password for {0}:</source>
        <translation>Contraseña para {0}:</translation>
    </message>
</context>
<context>
    <name>OpeningBalanceDialog</name>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="643"/>
        <source>Opening balance</source>
        <translation>Saldo inicial</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="646"/>
        <source>What the cooperative already held in a bank or cash account, or what a buyer still owed it, when it started keeping its books in coop-desk.</source>
        <translation>Lo que la cooperativa ya tenía en una cuenta de banco o caja, o lo que un comprador aún le debía, cuando empezó a llevar sus libros en coop-desk.</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="654"/>
        <source>Optional</source>
        <translation>Opcional</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="655"/>
        <source>&amp;Account</source>
        <translation>&amp;Cuenta</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="656"/>
        <source>&amp;Date</source>
        <translation>&amp;Fecha</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="657"/>
        <source>A&amp;mount held</source>
        <translation>&amp;Monto disponible</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="658"/>
        <source>Exchange &amp;rate</source>
        <translation>&amp;Tipo de cambio</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="659"/>
        <source>D&amp;escription</source>
        <translation>D&amp;escripción</translation>
    </message>
</context>
<context>
    <name>PeriodDialog</name>
    <message>
        <location filename="../../coop_desk/ui/dialogs/ledger_excel.py" line="43"/>
        <source>Premium ledger workbook</source>
        <translation>Libro Excel de la Prima</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/ledger_excel.py" line="45"/>
        <source>Fiscal &amp;year</source>
        <translation>&amp;Ejercicio</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/ledger_excel.py" line="46"/>
        <source>Date &amp;range</source>
        <translation>&amp;Rango de fechas</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/ledger_excel.py" line="55"/>
        <source>to</source>
        <translation>hasta</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/ledger_excel.py" line="72"/>
        <source>The end of the period is before its start.</source>
        <translation>El fin del período es anterior a su inicio.</translation>
    </message>
</context>
<context>
    <name>PlanTab</name>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/tabs.py" line="221"/>
        <source>New &amp;project…</source>
        <translation>Nuevo &amp;proyecto…</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/tabs.py" line="223"/>
        <source>&amp;Edit project…</source>
        <translation>&amp;Editar proyecto…</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/tabs.py" line="225"/>
        <source>&amp;GA approval…</source>
        <translation>&amp;Aprobación AG…</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/tabs.py" line="226"/>
        <source>Budget &amp;revision…</source>
        <translation>&amp;Revisar presupuesto…</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/tabs.py" line="228"/>
        <source>&amp;Correct meeting record…</source>
        <translation>&amp;Corregir acta…</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/tabs.py" line="248"/>
        <source>General Assembly approvals of this year&apos;s plan</source>
        <translation>Aprobaciones de la Asamblea General del plan de este ejercicio</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/tabs.py" line="280"/>
        <source>Development Plan {0}: not yet approved</source>
        <translation>Plan de Desarrollo Fairtrade {0}: aún no aprobado</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/tabs.py" line="283"/>
        <source>Development Plan {0}: USD {1}, version {2} approved {3}</source>
        <translation>Plan de Desarrollo {0}: USD {1}, versión {2} ({3})</translation>
    </message>
</context>
<context>
    <name>PlotEvidenceDialog</name>
    <message>
        <location filename="../../coop_desk/ui/dialogs/trade.py" line="136"/>
        <source>Planting and evidence: {0}</source>
        <translation>Siembra y evidencia: {0}</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/trade.py" line="141"/>
        <source>The EU deforestation regulation asks to show that the plot was not forest cleared after the cut-off date: when its coffee was planted and, if the land was farmed before that, since when.</source>
        <translation>El reglamento de deforestación de la UE pide demostrar que la parcela no fue bosque talado después de la fecha de corte: cuándo se sembró su café y, si la tierra ya se cultivaba antes, desde cuándo.</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/trade.py" line="154"/>
        <source>report number, title, declaration…</source>
        <translation>número de informe, título, declaración…</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/trade.py" line="155"/>
        <source>no document</source>
        <translation>sin documento</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/trade.py" line="156"/>
        <source>Choose file…</source>
        <translation>Elegir archivo…</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/trade.py" line="158"/>
        <source>Remove the attached document</source>
        <translation>Quitar el documento adjunto</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/trade.py" line="166"/>
        <source>optional: the plot&apos;s code in the ICS or surveys</source>
        <translation>opcional: el código de la parcela en el SCI o en los levantamientos</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/trade.py" line="167"/>
        <source>Coffee &amp;planted on</source>
        <translation>Café &amp;sembrado el</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/trade.py" line="168"/>
        <source>&amp;Farmland since</source>
        <translation>&amp;Uso agrícola desde</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/trade.py" line="169"/>
        <source>&amp;Evidence</source>
        <translation>&amp;Evidencia</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/trade.py" line="170"/>
        <source>&amp;Reference</source>
        <translation>&amp;Referencia</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/trade.py" line="171"/>
        <source>&amp;Document</source>
        <translation>&amp;Documento</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/trade.py" line="173"/>
        <source>Plot &amp;code</source>
        <translation>&amp;Código de parcela</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/trade.py" line="179"/>
        <source>Evidence document</source>
        <translation>Documento de evidencia</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/trade.py" line="181"/>
        <source>Documents (*.pdf *.jpg *.jpeg *.png *.tif *.tiff);;All files (*)</source>
        <translation>Documentos (*.pdf *.jpg *.jpeg *.png *.tif *.tiff);;Todos los archivos (*)</translation>
    </message>
</context>
<context>
    <name>PlotGeoPanel</name>
    <message>
        <location filename="../../coop_desk/ui/dialogs/plot_geo_panel.py" line="56"/>
        <source>Boundary from file…</source>
        <translation>Lindero desde archivo…</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/plot_geo_panel.py" line="57"/>
        <source>Remove boundary</source>
        <translation>Quitar lindero</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/plot_geo_panel.py" line="58"/>
        <source>Planting and evidence…</source>
        <translation>Siembra y evidencia…</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/plot_geo_panel.py" line="59"/>
        <source>Open evidence document</source>
        <translation>Abrir documento de evidencia</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/plot_geo_panel.py" line="118"/>
        <source>Save the member to record the plots&apos; boundaries.</source>
        <translation>Guarde el socio para registrar los linderos de sus parcelas.</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/plot_geo_panel.py" line="120"/>
        <source>The member has no plots yet.</source>
        <translation>El socio todavía no tiene parcelas.</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/plot_geo_panel.py" line="123"/>
        <source>{0} plots, {1} with problems. Select a plot.</source>
        <translation>{0} parcelas, {1} con problemas. Seleccione una parcela.</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/plot_geo_panel.py" line="130"/>
        <source>boundary of {0} ha</source>
        <translation>lindero de {0} ha</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/plot_geo_panel.py" line="133"/>
        <source>GPS point only</source>
        <translation>solo punto GPS</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/plot_geo_panel.py" line="134"/>
        <source>no geolocation</source>
        <translation>sin geolocalización</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/plot_geo_panel.py" line="142"/>
        <source>&lt;b&gt;{0}&lt;/b&gt;: {1} ha recorded, {2}.&lt;br&gt;Coffee planted: {3}. Evidence: {4}.</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt;: {1} ha registradas, {2}.&lt;br&gt;Café sembrado: {3}. Evidencia: {4}.</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/plot_geo_panel.py" line="146"/>
        <source>✔ Passes the EU deforestation rules.</source>
        <translation>✔ Cumple las reglas de deforestación de la UE.</translation>
    </message>
</context>
<context>
    <name>PlotMap</name>
    <message>
        <location filename="../../coop_desk/ui/plot_map.py" line="232"/>
        <source>No plot has a boundary or a GPS point yet.</source>
        <translation>Ninguna parcela tiene todavía lindero ni punto GPS.</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/plot_map.py" line="297"/>
        <source>{0} km</source>
        <translation>{0} km</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/plot_map.py" line="299"/>
        <source>{0} m</source>
        <translation>{0} m</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/plot_map.py" line="312"/>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/plot_map.py" line="316"/>
        <source>Passes the EU rules</source>
        <translation>Cumple las reglas de la UE</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/plot_map.py" line="317"/>
        <source>Has a problem</source>
        <translation>Tiene un problema</translation>
    </message>
</context>
<context>
    <name>PlotOrganicDialog</name>
    <message>
        <location filename="../../coop_desk/ui/dialogs/cert_records.py" line="206"/>
        <source>Organic status of {0}</source>
        <translation>Estado orgánico de {0}</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/cert_records.py" line="208"/>
        <source>In organic conversion since:</source>
        <translation>En transición orgánica desde:</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/cert_records.py" line="213"/>
        <source>(computed from the dates)</source>
        <translation>(calculado a partir de las fechas)</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/cert_records.py" line="220"/>
        <source>Computed status</source>
        <translation>Estado calculado</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/cert_records.py" line="221"/>
        <source>&amp;Override</source>
        <translation>&amp;Corregir manualmente</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/cert_records.py" line="222"/>
        <source>Override &amp;reason</source>
        <translation>&amp;Motivo de la corrección</translation>
    </message>
</context>
<context>
    <name>PlotsEditModel</name>
    <message>
        <location filename="../../coop_desk/ui/models/plots.py" line="53"/>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/models/plots.py" line="54"/>
        <source>Total area (ha)</source>
        <translation>Área total (ha)</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/models/plots.py" line="55"/>
        <source>Coffee area (ha)</source>
        <translation>Café (ha)</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/models/plots.py" line="56"/>
        <source>Altitude (m)</source>
        <translation>Altitud (m)</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/models/plots.py" line="57"/>
        <source>Varieties</source>
        <translation>Variedades</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/models/plots.py" line="58"/>
        <source>Latitude</source>
        <translation>Latitud</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/models/plots.py" line="59"/>
        <source>Longitude</source>
        <translation>Longitud</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/models/plots.py" line="112"/>
        <source>Plot {0}</source>
        <translation>Parcela {0}</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/models/plots.py" line="139"/>
        <source>total area</source>
        <translation>área total</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/models/plots.py" line="148"/>
        <source>coffee area</source>
        <translation>área de café</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/models/plots.py" line="157"/>
        <source>altitude</source>
        <translation>altitud</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/models/plots.py" line="165"/>
        <source>latitude</source>
        <translation>latitud</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/models/plots.py" line="173"/>
        <source>longitude</source>
        <translation>longitud</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/models/plots.py" line="182"/>
        <source>plot {0}: altitude is a whole number of metres</source>
        <translation>parcela {0}: la altitud es un número entero de metros</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/models/plots.py" line="258"/>
        <source>plot {0}: {1} is required</source>
        <translation>parcela {0}: falta {1}</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/models/plots.py" line="266"/>
        <source>plot {0}: {1} {2!r} is not a number</source>
        <translation>parcela {0}: {1} {2!r} no es un número</translation>
    </message>
</context>
<context>
    <name>PlotsMapPage</name>
    <message>
        <location filename="../../coop_desk/ui/pages/plots_map.py" line="58"/>
        <source>boundary</source>
        <translation>lindero</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/plots_map.py" line="59"/>
        <source>point</source>
        <translation>punto</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/plots_map.py" line="60"/>
        <source>none</source>
        <translation>ninguna</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/plots_map.py" line="64"/>
        <source>Member</source>
        <translation>Socio</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/plots_map.py" line="68"/>
        <source>Plot</source>
        <translation>Parcela</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/plots_map.py" line="70"/>
        <source>EU rules</source>
        <translation>Reglas UE</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/plots_map.py" line="73"/>
        <source>passes</source>
        <translation>cumple</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/plots_map.py" line="75"/>
        <source>1 problem</source>
        <translation>1 problema</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/plots_map.py" line="77"/>
        <source>{0} problems</source>
        <translation>{0} problemas</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/plots_map.py" line="82"/>
        <source>Geolocation</source>
        <translation>Geolocalización</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/plots_map.py" line="87"/>
        <source>Area (ha)</source>
        <translation>Área (ha)</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/plots_map.py" line="92"/>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/plots_map.py" line="107"/>
        <source>All plots</source>
        <translation>Todas las parcelas</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/plots_map.py" line="108"/>
        <source>Only plots with problems</source>
        <translation>Solo parcelas con problemas</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/plots_map.py" line="111"/>
        <source>Member code, name or plot…</source>
        <translation>Código de socio, nombre o parcela…</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/plots_map.py" line="114"/>
        <source>Import boundaries…</source>
        <translation>Importar linderos…</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/plots_map.py" line="115"/>
        <source>EU rules…</source>
        <translation>Reglas UE…</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/plots_map.py" line="129"/>
        <source>Planting and evidence…</source>
        <translation>Siembra y evidencia…</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/plots_map.py" line="130"/>
        <source>Boundary from file…</source>
        <translation>Lindero desde archivo…</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/plots_map.py" line="133"/>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/__init__.py" line="101"/>
        <location filename="../../coop_desk/ui/pages/plots_map.py" line="169"/>
        <source>Plots map</source>
        <translation>Mapa de parcelas</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/plots_map.py" line="180"/>
        <source>Checking the plots…</source>
        <translation>Revisando las parcelas…</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/plots_map.py" line="207"/>
        <source>{0} plots: {1} boundaries, {2} points only; {3} fail the EU rules</source>
        <translation>{0} parcelas: {1} con lindero, {2} solo con punto; {3} no cumplen las reglas de la UE</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/plots_map.py" line="230"/>
        <source>Select a plot in the list or on the map.</source>
        <translation>Seleccione una parcela en la lista o en el mapa.</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/plots_map.py" line="233"/>
        <source>✔ Passes the EU deforestation rules.</source>
        <translation>✔ Cumple las reglas de deforestación de la UE.</translation>
    </message>
</context>
<context>
    <name>PostingsModel</name>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/entry.py" line="31"/>
        <source>Line</source>
        <translation>Línea</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/entry.py" line="36"/>
        <source>Account</source>
        <translation>Cuenta</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/entry.py" line="40"/>
        <source>Currency</source>
        <translation>Moneda</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/entry.py" line="43"/>
        <source>Debit</source>
        <translation>Debe</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/entry.py" line="48"/>
        <source>Credit</source>
        <translation>Haber</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/entry.py" line="53"/>
        <source>Rate</source>
        <translation>T. de cambio</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/entry.py" line="59"/>
        <source>USD value</source>
        <translation>Valor en USD</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/entry.py" line="63"/>
        <source>Memo</source>
        <translation>Glosa</translation>
    </message>
</context>
<context>
    <name>PremiumModels</name>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/models.py" line="45"/>
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/models.py" line="56"/>
        <source>Fairtrade</source>
        <translation>Fairtrade</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/models.py" line="57"/>
        <source>Fair Trade USA</source>
        <translation>Fair Trade USA</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/models.py" line="58"/>
        <source>Conventional</source>
        <translation>Convencional</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/models.py" line="68"/>
        <source>bags</source>
        <translation>sacos</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/models.py" line="77"/>
        <source>Buyer</source>
        <translation>Comprador</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/models.py" line="82"/>
        <source>Contract</source>
        <translation>Contrato</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/models.py" line="86"/>
        <source>Signed</source>
        <translation>Firmado</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/models.py" line="90"/>
        <source>Scheme</source>
        <translation>Esquema</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/models.py" line="96"/>
        <source>Organic</source>
        <translation>Orgánico</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/models.py" line="101"/>
        <source>Quantity</source>
        <translation>Cantidad</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/models.py" line="107"/>
        <source>Pounds</source>
        <translation>Libras</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/models.py" line="112"/>
        <source>Premium due</source>
        <translation>Prima por cobrar</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/models.py" line="117"/>
        <source>Organic diff.</source>
        <translation>Dif. orgánico</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/models.py" line="122"/>
        <source>Quality 25%</source>
        <translation>Calidad 25 %</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/models.py" line="127"/>
        <location filename="../../coop_desk/ui/pages/premium/models.py" line="509"/>
        <source>Received</source>
        <translation>Recibido</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/models.py" line="132"/>
        <source>Outstanding</source>
        <translation>Pendiente</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/models.py" line="136"/>
        <source>overdue</source>
        <translation>vencida</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/models.py" line="140"/>
        <source>Shipped</source>
        <translation>Embarcado</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/models.py" line="174"/>
        <location filename="../../coop_desk/ui/pages/premium/models.py" line="320"/>
        <location filename="../../coop_desk/ui/pages/premium/models.py" line="412"/>
        <source>Project</source>
        <translation>Proyecto</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/models.py" line="176"/>
        <source>Objective</source>
        <translation>Objetivo</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/models.py" line="181"/>
        <source>Responsible</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/models.py" line="185"/>
        <location filename="../../coop_desk/ui/pages/premium/models.py" line="247"/>
        <source>Budget (USD)</source>
        <translation>Presupuesto (USD)</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/models.py" line="190"/>
        <source>Productivity / quality</source>
        <translation>Productividad / calidad</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/models.py" line="195"/>
        <source>Active</source>
        <translation>Activo</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/models.py" line="209"/>
        <source>Version</source>
        <translation>Versión</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/models.py" line="214"/>
        <source>GA date</source>
        <translation>Fecha de la AG</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/models.py" line="218"/>
        <source>Minutes</source>
        <translation>Acta</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/models.py" line="222"/>
        <source>Members present</source>
        <translation>Socios presentes</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/models.py" line="227"/>
        <source>Women present</source>
        <translation>Mujeres presentes</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/models.py" line="232"/>
        <source>For</source>
        <translation>A favor</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/models.py" line="237"/>
        <source>Against</source>
        <translation>En contra</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/models.py" line="242"/>
        <source>Abstaining</source>
        <translation>Abstenciones</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/models.py" line="252"/>
        <source>In force</source>
        <translation>Vigente</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/models.py" line="257"/>
        <source>Recorded by</source>
        <translation>Registrado por</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/models.py" line="283"/>
        <location filename="../../coop_desk/ui/pages/premium/models.py" line="348"/>
        <source>Entry</source>
        <translation>Asiento</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/models.py" line="287"/>
        <location filename="../../coop_desk/ui/pages/premium/models.py" line="352"/>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/models.py" line="289"/>
        <source>Operation</source>
        <translation>Operación</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/models.py" line="294"/>
        <location filename="../../coop_desk/ui/pages/premium/models.py" line="354"/>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/models.py" line="299"/>
        <source>Amount</source>
        <translation>Monto</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/models.py" line="304"/>
        <location filename="../../coop_desk/ui/pages/premium/models.py" line="382"/>
        <source>USD value</source>
        <translation>Valor en USD</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/models.py" line="309"/>
        <location filename="../../coop_desk/ui/pages/premium/models.py" line="387"/>
        <source>Reverses</source>
        <translation>Revierte</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/models.py" line="313"/>
        <source>Reversed by</source>
        <translation>Revertido por</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/models.py" line="317"/>
        <location filename="../../coop_desk/ui/pages/premium/models.py" line="391"/>
        <source>Reference</source>
        <translation>Referencia</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/models.py" line="322"/>
        <source>Payee</source>
        <translation>Beneficiario</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/models.py" line="323"/>
        <location filename="../../coop_desk/ui/pages/premium/models.py" line="393"/>
        <source>Voucher</source>
        <translation>Comprobante</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/models.py" line="359"/>
        <source>Account</source>
        <translation>Cuenta</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/models.py" line="363"/>
        <source>Currency</source>
        <translation>Moneda</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/models.py" line="366"/>
        <source>In (debit)</source>
        <translation>Entra (debe)</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/models.py" line="371"/>
        <source>Out (credit)</source>
        <translation>Sale (haber)</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/models.py" line="376"/>
        <source>Rate</source>
        <translation>Tipo de cambio</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/models.py" line="394"/>
        <source>Memo</source>
        <translation>Glosa</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/models.py" line="414"/>
        <source>Prod./quality</source>
        <translation>Prod./calidad</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/models.py" line="419"/>
        <source>Approved (USD)</source>
        <translation>Aprobado (USD)</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/models.py" line="424"/>
        <source>Spent (USD)</source>
        <translation>Gastado (USD)</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/models.py" line="429"/>
        <source>Remaining (USD)</source>
        <translation>Saldo (USD)</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/models.py" line="434"/>
        <source>% used</source>
        <translation>% usado</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/models.py" line="440"/>
        <source>Paid in USD</source>
        <translation>Pagado en USD</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/models.py" line="445"/>
        <location filename="../../coop_desk/ui/pages/premium/models.py" line="461"/>
        <source>Paid in {0}</source>
        <translation>Pagado en {0}</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/models.py" line="452"/>
        <source>Paid in other currencies</source>
        <translation>Pagado en otras monedas</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/models.py" line="488"/>
        <source>Fund</source>
        <translation>Fondo</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/models.py" line="490"/>
        <source>Year</source>
        <translation>Ejercicio</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/models.py" line="492"/>
        <source>Opening</source>
        <translation>Saldo inicial</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/models.py" line="496"/>
        <source>provisional: the previous year is still open</source>
        <translation>provisional: el ejercicio anterior sigue abierto</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/models.py" line="504"/>
        <source>Earned</source>
        <translation>Devengado</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/models.py" line="514"/>
        <source>Spent</source>
        <translation>Gastado</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/models.py" line="519"/>
        <source>Exchange / other</source>
        <translation>Cambio / otros</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/models.py" line="524"/>
        <source>Closing</source>
        <translation>Saldo final</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/models.py" line="529"/>
        <source>Receivable</source>
        <translation>Por cobrar</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/models.py" line="534"/>
        <source>In bank and cash</source>
        <translation>En banco y caja</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/models.py" line="590"/>
        <source>Severity</source>
        <translation>Gravedad</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/models.py" line="593"/>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/models.py" line="595"/>
        <source>Warning</source>
        <translation>Advertencia</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/models.py" line="598"/>
        <source>Check</source>
        <translation>Verificación</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/models.py" line="600"/>
        <source>Finding</source>
        <translation>Hallazgo</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/models.py" line="605"/>
        <source>Concerns</source>
        <translation>Se refiere a</translation>
    </message>
</context>
<context>
    <name>PremiumPage</name>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/__init__.py" line="93"/>
        <source>Fiscal year </source>
        <translation>Ejercicio </translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/__init__.py" line="97"/>
        <source>Premium received…</source>
        <translation>Prima recibida…</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/__init__.py" line="98"/>
        <source>Project payment…</source>
        <translation>Pago de proyecto…</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/__init__.py" line="99"/>
        <source>Transfer / exchange…</source>
        <translation>Transferencia / cambio…</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/__init__.py" line="100"/>
        <source>Opening balance…</source>
        <translation>Saldo inicial…</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/__init__.py" line="102"/>
        <source>Close year…</source>
        <translation>Cerrar ejercicio…</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/__init__.py" line="103"/>
        <source>Reopen year…</source>
        <translation>Reabrir ejercicio…</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/__init__.py" line="105"/>
        <location filename="../../coop_desk/ui/pages/premium/__init__.py" line="117"/>
        <source>Set up</source>
        <translation>Configurar</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/__init__.py" line="106"/>
        <source>New buyer…</source>
        <translation>Nuevo comprador…</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/__init__.py" line="108"/>
        <source>New bank or cash account…</source>
        <translation>Nueva cuenta de banco o caja…</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/__init__.py" line="112"/>
        <source>Premium price table…</source>
        <translation>Tabla de precios y prima…</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/__init__.py" line="114"/>
        <source>Ledger settings…</source>
        <translation>Configuración del libro…</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/__init__.py" line="136"/>
        <source>Contracts</source>
        <translation>Contratos</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/__init__.py" line="137"/>
        <source>Plan &amp;&amp; budget</source>
        <translation>Plan y presupuesto</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/__init__.py" line="138"/>
        <source>Journal</source>
        <translation>Libro diario</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/__init__.py" line="139"/>
        <source>Project balances</source>
        <translation>Saldos de proyectos</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/__init__.py" line="140"/>
        <source>Compliance</source>
        <translation>Cumplimiento</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/__init__.py" line="94"/>
        <location filename="../../coop_desk/ui/pages/premium/__init__.py" line="165"/>
        <source>Premium</source>
        <translation>Prima</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/__init__.py" line="191"/>
        <source> (closed)</source>
        <translation> (cerrado)</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/__init__.py" line="229"/>
        <source>closed</source>
        <translation>cerrado</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/__init__.py" line="229"/>
        <source>open</source>
        <translation>abierto</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/__init__.py" line="232"/>
        <source>Premium available: USD {0} · in bank and cash USD {1} · receivable USD {2} · {3} {4}</source>
        <translation>Prima disponible: USD {0} · en banco y caja USD {1} · por cobrar USD {2} · {3} {4}</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/__init__.py" line="245"/>
        <source> closed </source>
        <translation> cerrado </translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/__init__.py" line="245"/>
        <source> open </source>
        <translation> abierto </translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/__init__.py" line="465"/>
        <source>Delete contract {0} with {1}? It has no shipment or payment.</source>
        <translation>¿Eliminar el contrato {0} con {1}? No tiene embarque ni pago.</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/premium/__init__.py" line="468"/>
        <source>Delete contract</source>
        <translation>Eliminar contrato</translation>
    </message>
</context>
<context>
    <name>PremiumReceiptDialog</name>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="120"/>
        <source>Premium received</source>
        <translation>Prima recibida</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="123"/>
        <source>Record premium a buyer paid. Give what reached the account and, if the bank deducted charges on the way, the charges: both settle the contract.</source>
        <translation>Registre la prima que pagó un comprador. Indique lo que llegó a la cuenta y, si el banco descontó gastos en el camino, los gastos bancarios: ambos cancelan el contrato.</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="137"/>
        <source>{0} · {1} · outstanding USD {2}</source>
        <translation>{0} · {1} · pendiente USD {2}</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="142"/>
        <source>No contract recorded (cash book)</source>
        <translation>Sin contrato registrado (libro de caja)</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="149"/>
        <source>Bank transfer reference (optional)</source>
        <translation>Referencia de la transferencia (opcional)</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="151"/>
        <source>Optional: filled in from the contract</source>
        <translation>Opcional: se llena a partir del contrato</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="152"/>
        <source>&amp;Contract</source>
        <translation>&amp;Contrato</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="153"/>
        <source>Paid &amp;into</source>
        <translation>&amp;Abonado en</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="154"/>
        <source>&amp;Date</source>
        <translation>&amp;Fecha</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="155"/>
        <source>&amp;Amount received</source>
        <translation>&amp;Monto recibido</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="156"/>
        <source>Bank &amp;charges</source>
        <translation>&amp;Gastos bancarios</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="157"/>
        <source>Exchange &amp;rate</source>
        <translation>&amp;Tipo de cambio</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="158"/>
        <source>&amp;Reference</source>
        <translation>&amp;Referencia</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="159"/>
        <source>D&amp;escription</source>
        <translation>D&amp;escripción</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <location filename="../../coop_desk/ui/dialogs/import_wizard.py" line="298"/>
        <source>Preview</source>
        <translation>Vista previa</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/import_wizard.py" line="300"/>
        <source>What the import will do, row by row. Nothing is saved until you import.</source>
        <translation>Lo que hará la importación, fila por fila. No se guarda nada hasta que importe.</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/import_wizard.py" line="318"/>
        <source>&amp;Skip the rows with errors and import the others</source>
        <translation>&amp;Omitir las filas con errores e importar las demás</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/import_wizard.py" line="325"/>
        <source>&amp;Import</source>
        <translation>&amp;Importar</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/import_wizard.py" line="334"/>
        <source>{0} new, {1} to update, {2} unchanged, {3} with errors, {4} rows skipped.</source>
        <translation>{0} nuevos, {1} por actualizar, {2} sin cambios, {3} con errores, {4} filas omitidas.</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/import_wizard.py" line="349"/>
        <source>Nothing is imported while a row has errors, unless you choose to skip them.</source>
        <translation>No se importa nada mientras una fila tenga errores, salvo que elija omitirlas.</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/import_wizard.py" line="356"/>
        <source>Skipped {0}</source>
        <translation>Omitida {0}</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/import_wizard.py" line="345"/>
        <source>{0} rows have warnings (something unlikely, in amber): they are imported.</source>
        <translation>{0} filas tienen advertencias (algo poco probable, en ámbar): se importan.</translation>
    </message>
</context>
<context>
    <name>ProjectDialog</name>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/plan.py" line="90"/>
        <source>New project</source>
        <translation>Nuevo proyecto</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/plan.py" line="92"/>
        <source>Project {0}</source>
        <translation>Proyecto {0}</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/plan.py" line="99"/>
        <source>Counts toward the 25% productivity/quality share</source>
        <translation>Cuenta para el 25 % de productividad/calidad</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/plan.py" line="100"/>
        <source>Active</source>
        <translation>Activo</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/plan.py" line="102"/>
        <source>&amp;Name</source>
        <translation>&amp;Nombre</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/plan.py" line="103"/>
        <source>&amp;Objective</source>
        <translation>&amp;Objetivo</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/plan.py" line="104"/>
        <source>&amp;Responsible</source>
        <translation>&amp;Responsable</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/plan.py" line="105"/>
        <source>&amp;Timeline</source>
        <translation>&amp;Cronograma</translation>
    </message>
</context>
<context>
    <name>ProjectPaymentDialog</name>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="215"/>
        <source>Project payment</source>
        <translation>Pago de proyecto</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="238"/>
        <source>Required: number of the invoice or receipt</source>
        <translation>Obligatorio: número de la factura o recibo</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="240"/>
        <source>What was bought or paid for</source>
        <translation>Qué se compró o pagó</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="243"/>
        <source>Optional scanned receipt (PDF, image)</source>
        <translation>Opcional: PDF o imagen</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="244"/>
        <source>&amp;Browse…</source>
        <translation>E&amp;xaminar…</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="247"/>
        <source>&amp;Project</source>
        <translation>&amp;Proyecto</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="249"/>
        <source>Paid &amp;from</source>
        <translation>Pagado &amp;desde</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="251"/>
        <source>&amp;Date</source>
        <translation>&amp;Fecha</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="252"/>
        <source>&amp;Amount</source>
        <translation>&amp;Monto</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="253"/>
        <source>Exchange &amp;rate</source>
        <translation>&amp;Tipo de cambio</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="254"/>
        <source>Pa&amp;yee</source>
        <translation>Benefic&amp;iario</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="255"/>
        <source>&amp;Voucher number</source>
        <translation>Número de &amp;comprobante</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="256"/>
        <source>D&amp;escription</source>
        <translation>D&amp;escripción</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="257"/>
        <source>&amp;Reference</source>
        <translation>&amp;Referencia</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="258"/>
        <source>Scanned recei&amp;pt</source>
        <translation>Recibo escane&amp;ado</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="323"/>
        <source>No budget approved by the General Assembly for {0} on {1}.</source>
        <translation>No hay presupuesto aprobado por la Asamblea General para {0} al {1}.</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="329"/>
        <source>Budget {0}: USD {1} approved, {2} spent, {3} left.</source>
        <translation>Presupuesto {0}: USD {1} aprobado, {2} gastado, {3} disponible.</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="432"/>
        <source>Scanned receipt</source>
        <translation>Recibo escaneado</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="434"/>
        <source>Receipts (*.pdf *.png *.jpg *.jpeg *.tif *.tiff);;All files (*)</source>
        <translation>Recibos (*.pdf *.png *.jpg *.jpeg *.tif *.tiff);;Todos los archivos (*)</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="337"/>
        <source>After this payment: {0} left ({1} % used).</source>
        <translation>Después de este pago: {0} disponible ({1} % usado).</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="345"/>
        <source>{0} holds {1} {2}.</source>
        <translation>{0} tiene {1} {2}.</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="349"/>
        <source>After this payment: {0} {1}.</source>
        <translation>Después de este pago: {0} {1}.</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="361"/>
        <source>give the rate for the USD value</source>
        <translation>indique el tipo de cambio para el valor en USD</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="363"/>
        <source>≈ USD {0}</source>
        <translation>≈ USD {0}</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="365"/>
        <source>At the last rate recorded; type the rate of this payment.</source>
        <translation>Al último tipo de cambio registrado; escriba el tipo de cambio de este pago.</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="368"/>
        <source>= USD {0}</source>
        <translation>= USD {0}</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="378"/>
        <source>{0} has no budget approved by the General Assembly for {1} on {2}.</source>
        <translation>{0} no tiene presupuesto aprobado por la Asamblea General para {1} al {2}.</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="388"/>
        <source>{0}: spending reaches USD {1}, {2} % of the budget of USD {3} the General Assembly approved.</source>
        <translation>{0}: el gasto llega a USD {1}, el {2} % del presupuesto de USD {3} aprobado por la Asamblea General.</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="399"/>
        <source>{0} holds {1} {3}; after this payment it is at {2} {3}.</source>
        <translation>{0} tiene {1} {3}; después de este pago queda en {2} {3}.</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="412"/>
        <source>Confirm the payment</source>
        <translation>Confirmar el pago</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="414"/>
        <source>Payment of {0} {1}:</source>
        <translation>Pago de {0} {1}:</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="419"/>
        <source>Check the amount. Post it anyway?</source>
        <translation>Revise el monto. ¿Registrarlo de todos modos?</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="421"/>
        <source>&amp;Post anyway</source>
        <translation>&amp;Registrar de todos modos</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="422"/>
        <source>&amp;Go back</source>
        <translation>&amp;Volver</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location filename="../../coop_desk/ui/labels.py" line="26"/>
        <source>&amp;Look in:</source>
        <translation>&amp;Buscar en:</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/labels.py" line="27"/>
        <source>Files of &amp;type:</source>
        <translation>Archivos de &amp;tipo:</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/labels.py" line="28"/>
        <source>Computer</source>
        <translation>Equipo</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/labels.py" line="29"/>
        <source>Date Modified</source>
        <translation>Fecha de modificación</translation>
    </message>
</context>
<context>
    <name>RateDialog</name>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/rates.py" line="102"/>
        <source>Correct a row of the price table</source>
        <translation>Corregir una fila de la tabla de precios</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/rates.py" line="104"/>
        <source>New row of the price table</source>
        <translation>Nueva fila de la tabla de precios</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/rates.py" line="115"/>
        <source>Sc&amp;heme</source>
        <translation>&amp;Esquema</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/rates.py" line="116"/>
        <source>Valid &amp;from</source>
        <translation>&amp;Vigente desde</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/rates.py" line="117"/>
        <source>Minimum, &amp;washed</source>
        <translation>Mínimo, &amp;lavado</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/rates.py" line="118"/>
        <source>Minimum, &amp;natural</source>
        <translation>Mínimo, &amp;natural</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/rates.py" line="119"/>
        <source>&amp;Premium</source>
        <translation>&amp;Prima</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/rates.py" line="120"/>
        <source>&amp;Organic differential</source>
        <translation>Diferencial &amp;orgánico</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/rates.py" line="121"/>
        <source>N&amp;ote</source>
        <translation>No&amp;ta</translation>
    </message>
</context>
<context>
    <name>RatesDialog</name>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/rates.py" line="173"/>
        <source>Premium price table (USD per lb)</source>
        <translation>Tabla de precios y prima (USD por lb)</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/rates.py" line="183"/>
        <source>&amp;Add row…</source>
        <translation>&amp;Agregar fila…</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/rates.py" line="184"/>
        <source>&amp;Correct selected row…</source>
        <translation>&amp;Corregir fila seleccionada…</translation>
    </message>
</context>
<context>
    <name>RatesModel</name>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/rates.py" line="45"/>
        <source>Scheme</source>
        <translation>Esquema</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/rates.py" line="48"/>
        <source>From</source>
        <translation>Vigente desde</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/rates.py" line="50"/>
        <source>Minimum washed</source>
        <translation>Mínimo lavado</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/rates.py" line="56"/>
        <source>Minimum natural</source>
        <translation>Mínimo natural</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/rates.py" line="62"/>
        <source>Premium</source>
        <translation>Prima</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/rates.py" line="68"/>
        <source>Organic diff.</source>
        <translation>Dif. orgánico</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/rates.py" line="74"/>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
</context>
<context>
    <name>ReopenYearDialog</name>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/years.py" line="47"/>
        <source>Reopen fiscal year {0}</source>
        <translation>Reabrir el ejercicio {0}</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/years.py" line="50"/>
        <source>Reopening {0} reverses the balances it carried into {1} and allows corrections in it. The reason is kept in the year&apos;s history.</source>
        <translation>Reabrir {0} revierte los saldos que pasó a {1} y permite corregirlo. El motivo queda en el historial del ejercicio.</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/years.py" line="55"/>
        <source>Required: why the year is reopened</source>
        <translation>Obligatorio: por qué se reabre el ejercicio</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/years.py" line="56"/>
        <source>&amp;Reason</source>
        <translation>&amp;Motivo</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/years.py" line="57"/>
        <source>&amp;Reopen year</source>
        <translation>&amp;Reabrir ejercicio</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <location filename="../../coop_desk/ui/printing/actions.py" line="23"/>
        <source>&amp;Reports</source>
        <translation>&amp;Informes</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/actions.py" line="34"/>
        <source>&amp;General Assembly report…</source>
        <translation>Informe para la Asamblea &amp;General…</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/actions.py" line="35"/>
        <source>Project &amp;balances…</source>
        <translation>&amp;Saldos de proyectos…</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/actions.py" line="36"/>
        <source>&amp;Journal for a period…</source>
        <translation>&amp;Diario de un periodo…</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/actions.py" line="37"/>
        <source>&amp;Member card…</source>
        <translation>&amp;Ficha de socio…</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/actions.py" line="38"/>
        <source>Gender &amp;report…</source>
        <translation>Informe de &amp;género…</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/dialog.py" line="40"/>
        <source>PDF document (*.pdf)</source>
        <translation>Documento PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/dialog.py" line="78"/>
        <source>General Assembly report</source>
        <translation>Informe para la Asamblea General</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/dialog.py" line="79"/>
        <source>Project balances</source>
        <translation>Saldos de proyectos</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/dialog.py" line="80"/>
        <source>Journal for a period</source>
        <translation>Diario de un periodo</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/dialog.py" line="81"/>
        <source>Member card</source>
        <translation>Ficha de socio</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/dialog.py" line="82"/>
        <source>Gender report</source>
        <translation>Informe de género</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/dialog.py" line="95"/>
        <source>Fiscal &amp;year</source>
        <translation>&amp;Ejercicio</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/dialog.py" line="97"/>
        <source>&amp;From</source>
        <translation>&amp;Desde</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/dialog.py" line="98"/>
        <source>&amp;To</source>
        <translation>&amp;Hasta</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/dialog.py" line="106"/>
        <source>&amp;Member</source>
        <translation>&amp;Socio</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/dialog.py" line="109"/>
        <source>Save as &amp;PDF…</source>
        <translation>Guardar como &amp;PDF…</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/dialog.py" line="110"/>
        <source>&amp;Print…</source>
        <translation>&amp;Imprimir…</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/dialog.py" line="117"/>
        <source>In the language of the program; amounts in its format.</source>
        <translation>En el idioma del programa; los montos en su formato.</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/dialog.py" line="140"/>
        <source>The end of the period is before its start.</source>
        <translation>El final del periodo es anterior a su inicio.</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/dialog.py" line="142"/>
        <source>Choose a member.</source>
        <translation>Elija un socio.</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/dialog.py" line="157"/>
        <source>Reading the records…</source>
        <translation>Leyendo los registros…</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/dialog.py" line="185"/>
        <source>Save as PDF</source>
        <translation>Guardar como PDF</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/dialog.py" line="197"/>
        <source>The PDF could not be written: {0}</source>
        <translation>No se pudo escribir el PDF: {0}</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/dialog.py" line="202"/>
        <source>PDF written</source>
        <translation>PDF guardado</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/dialog.py" line="203"/>
        <source>{0} was saved as a PDF.</source>
        <translation>{0} se guardó como PDF.</translation>
    </message>
</context>
<context>
    <name>Reports</name>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="237"/>
        <source>RUC {0}</source>
        <translation>RUC {0}</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="239"/>
        <source>FLO ID {0}</source>
        <translation>FLO ID {0}</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="240"/>
        <source>Made on {0} by {1} with coop-desk</source>
        <translation>Elaborado el {0} por {1} con coop-desk</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="265"/>
        <source>The fund is kept in {2} value (each payment at the rate recorded on it); the {0} column converts it at {1} {0} per {2} (the last rate recorded in the year), for reference.</source>
        <translation>El fondo se lleva en valor {2} (cada pago al tipo de cambio registrado en él); la columna {0} lo convierte a {1} {0} por {2} (el último tipo de cambio registrado en el ejercicio), como referencia.</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="276"/>
        <location filename="../../coop_desk/ui/printing/documents.py" line="577"/>
        <source>The previous year is not closed: the opening balance is provisional.</source>
        <translation>El ejercicio anterior no está cerrado: el saldo inicial es provisional.</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="280"/>
        <source>The Premium fund</source>
        <translation>El fondo de la Prima</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="284"/>
        <source>{0} value</source>
        <translation>Valor {0}</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="285"/>
        <source>{0}, converted</source>
        <translation>{0}, convertido</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="291"/>
        <source>Balance at the start of the year</source>
        <translation>Saldo al inicio del ejercicio</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="292"/>
        <source>Premium earned (contracts shipped)</source>
        <translation>Prima devengada (contratos embarcados)</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="293"/>
        <location filename="../../coop_desk/ui/printing/documents.py" line="564"/>
        <source>Premium received</source>
        <translation>Prima recibida</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="294"/>
        <source>Premium spent on projects</source>
        <translation>Prima gastada en proyectos</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="295"/>
        <source>Balance carried over</source>
        <translation>Saldo que pasa al siguiente ejercicio</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="296"/>
        <source>of which still receivable</source>
        <translation>del cual aún por cobrar</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="301"/>
        <source>Premium received per contract</source>
        <translation>Prima recibida por contrato</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="305"/>
        <source>Contract</source>
        <translation>Contrato</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="306"/>
        <source>Buyer</source>
        <translation>Comprador</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="307"/>
        <source>Premium due</source>
        <translation>Prima debida</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="308"/>
        <source>Received</source>
        <translation>Recibida</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="309"/>
        <source>Outstanding</source>
        <translation>Pendiente</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="325"/>
        <location filename="../../coop_desk/ui/printing/documents.py" line="370"/>
        <location filename="../../coop_desk/ui/printing/documents.py" line="465"/>
        <location filename="../../coop_desk/ui/printing/documents.py" line="544"/>
        <location filename="../../coop_desk/ui/printing/documents.py" line="639"/>
        <location filename="../../coop_desk/ui/printing/documents.py" line="774"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="335"/>
        <source>No contract in this year.</source>
        <translation>Ningún contrato en este ejercicio.</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="337"/>
        <source>Premium spent per project</source>
        <translation>Prima gastada por proyecto</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="341"/>
        <location filename="../../coop_desk/ui/printing/documents.py" line="518"/>
        <source>Project</source>
        <translation>Proyecto</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="342"/>
        <source>Approved budget ({0})</source>
        <translation>Aprobado ({0})</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="343"/>
        <source>Spent ({0} value)</source>
        <translation>Gastado (valor {0})</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="344"/>
        <source>Remaining ({0})</source>
        <translation>Saldo ({0})</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="345"/>
        <location filename="../../coop_desk/ui/printing/documents.py" line="346"/>
        <source>Paid in {0}</source>
        <translation>Pagado en {0}</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="347"/>
        <source>Paid in other currencies</source>
        <translation>Pagado en otras monedas</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="348"/>
        <source>Quality</source>
        <translation>Calidad</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="364"/>
        <location filename="../../coop_desk/ui/printing/documents.py" line="409"/>
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="364"/>
        <location filename="../../coop_desk/ui/printing/documents.py" line="409"/>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="386"/>
        <source>Paid: the amounts as paid, in each currency. Spent ({0} value): each payment at the rate recorded on it.</source>
        <translation>Pagado: los montos tal como se pagaron, en cada moneda. Gastado (valor {0}): cada pago al tipo de cambio registrado en él.</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="397"/>
        <source>Productivity and quality (at least {0}% of the Premium)</source>
        <translation>Productividad y calidad (al menos el {0}% de la Prima)</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="401"/>
        <source>Spent on productivity / quality</source>
        <translation>Gastado en productividad / calidad</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="404"/>
        <source>Required: {0}% of the premium received</source>
        <translation>Requerido: {0}% de la prima recibida</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="408"/>
        <source>Share of the premium received</source>
        <translation>Proporción de la prima recibida</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="409"/>
        <source>Met</source>
        <translation>Cumplido</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="412"/>
        <source>General Assembly approvals of the plan</source>
        <translation>Aprobaciones del plan por la Asamblea General</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="416"/>
        <source>Version</source>
        <translation>Versión</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="417"/>
        <location filename="../../coop_desk/ui/printing/documents.py" line="721"/>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="418"/>
        <source>Minutes</source>
        <translation>Acta</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="419"/>
        <source>Present</source>
        <translation>Presentes</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="420"/>
        <location filename="../../coop_desk/ui/printing/documents.py" line="465"/>
        <source>Women</source>
        <translation>Mujeres</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="421"/>
        <source>For / against / abstaining</source>
        <translation>A favor / en contra / abstenciones</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="422"/>
        <source>Budget ({0})</source>
        <translation>Presupuesto ({0})</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="428"/>
        <source>(in force)</source>
        <translation>(vigente)</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="442"/>
        <source>No approval recorded for this year.</source>
        <translation>Ninguna aprobación registrada para este ejercicio.</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="445"/>
        <source>President</source>
        <translation>Presidente</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="445"/>
        <source>Treasurer</source>
        <translation>Tesorero</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="455"/>
        <source>Report of the Board to the General Assembly, fiscal year {0}</source>
        <translation>Informe del Consejo Directivo a la Asamblea General, ejercicio {0}</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="460"/>
        <source>Use of the Fairtrade Premium in {0}</source>
        <translation>Uso de la Prima Fairtrade en {0}</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="465"/>
        <source>Group</source>
        <translation>Grupo</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="465"/>
        <source>Share of women</source>
        <translation>Proporción de mujeres</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="471"/>
        <source>Participation of women</source>
        <translation>Participación de las mujeres</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="476"/>
        <source>Approved budget of “{0}”</source>
        <translation>Presupuesto aprobado de “{0}”</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="482"/>
        <source>Spent on “{0}” in {1}</source>
        <translation>Gastado en “{0}” en {1}</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="487"/>
        <source>Share of all the Premium spent on projects</source>
        <translation>Proporción de toda la Prima gastada en proyectos</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="494"/>
        <source>Active members (on {0})</source>
        <translation>Socios activos (al {0})</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="496"/>
        <source>General Assembly attendance ({0} meetings)</source>
        <translation>Asistencia a la Asamblea General ({0} sesiones)</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="499"/>
        <source>Members of the organic group (ICS)</source>
        <translation>Socios del grupo orgánico (SIC)</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="500"/>
        <source>Inspected internally in {0}</source>
        <translation>Con inspección interna en {0}</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="505"/>
        <source>Gender report {0}</source>
        <translation>Informe de género {0}</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="507"/>
        <source>Women&apos;s participation and the women&apos;s programme, fiscal year {0}</source>
        <translation>Participación de las mujeres y el programa de mujeres, ejercicio {0}</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="519"/>
        <source>Approved (USD)</source>
        <translation>Aprobado (USD)</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="520"/>
        <source>Spent (USD)</source>
        <translation>Gastado (USD)</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="521"/>
        <source>Remaining (USD)</source>
        <translation>Saldo (USD)</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="522"/>
        <source>% used</source>
        <translation>% usado</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="523"/>
        <source>Paid in USD</source>
        <translation>Pagado en USD</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="524"/>
        <source>Paid in local currency</source>
        <translation>Pagado en moneda local</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="548"/>
        <source>Projects</source>
        <translation>Proyectos</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="553"/>
        <source>Over budget or without an approved budget: {0}</source>
        <translation>Por encima del presupuesto o sin presupuesto aprobado: {0}</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="561"/>
        <source>Opening balance</source>
        <translation>Saldo inicial</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="562"/>
        <source>Opening balances entered</source>
        <translation>Saldos iniciales registrados</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="563"/>
        <source>Premium earned</source>
        <translation>Prima devengada</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="565"/>
        <source>Spent on projects</source>
        <translation>Gastado en proyectos</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="566"/>
        <source>Exchange differences</source>
        <translation>Diferencias de cambio</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="567"/>
        <source>Closing balance</source>
        <translation>Saldo final</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="568"/>
        <source>Premium receivable at the end of the year</source>
        <translation>Prima por cobrar al cierre del ejercicio</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="569"/>
        <source>In bank and cash at the end of the year</source>
        <translation>En bancos y caja al cierre del ejercicio</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="572"/>
        <source>Premium fund (USD value)</source>
        <translation>Fondo de la Prima (valor en USD)</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="582"/>
        <source>Project balances {0}</source>
        <translation>Saldos de proyectos {0}</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="584"/>
        <source>Approved budget, spending and remaining per project; the Premium fund</source>
        <translation>Presupuesto aprobado, gasto y saldo por proyecto; el fondo de la Prima</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="593"/>
        <source>Member code</source>
        <translation>Código de socio</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="594"/>
        <source>Surnames</source>
        <translation>Apellidos</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="595"/>
        <source>First names</source>
        <translation>Nombres</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="596"/>
        <source>DNI</source>
        <translation>DNI</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="597"/>
        <source>Gender</source>
        <translation>Género</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="598"/>
        <source>Birth date</source>
        <translation>Fecha de nacimiento</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="599"/>
        <source>Join date</source>
        <translation>Fecha de ingreso</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="601"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="604"/>
        <source>since {0}</source>
        <translation>desde el {0}</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="606"/>
        <source>Community</source>
        <translation>Caserío</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="607"/>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="610"/>
        <source>Member</source>
        <translation>Socio</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="615"/>
        <source>Plot</source>
        <translation>Parcela</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="616"/>
        <source>Total area (ha)</source>
        <translation>Área total (ha)</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="617"/>
        <source>Coffee area (ha)</source>
        <translation>Área de café (ha)</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="618"/>
        <source>Altitude (m)</source>
        <translation>Altitud (m)</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="619"/>
        <source>Varieties</source>
        <translation>Variedades</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="620"/>
        <source>Organic status</source>
        <translation>Estado orgánico</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="648"/>
        <source>Plots</source>
        <translation>Parcelas</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="653"/>
        <source>ICS committee approval</source>
        <translation>Aprobación del comité del SIC</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="654"/>
        <source>approved on {0}</source>
        <translation>aprobado el {0}</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="656"/>
        <source>approved</source>
        <translation>aprobado</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="656"/>
        <source>not approved</source>
        <translation>no aprobado</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="662"/>
        <source>Sanction in force</source>
        <translation>Sanción vigente</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="663"/>
        <source>excluded</source>
        <translation>excluido</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="663"/>
        <source>suspended</source>
        <translation>suspendido</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="668"/>
        <source>in scope since {0}</source>
        <translation>en el alcance desde el {0}</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="670"/>
        <source>in scope</source>
        <translation>en el alcance</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="672"/>
        <source>not in scope</source>
        <translation>fuera del alcance</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="674"/>
        <source>not recorded</source>
        <translation>sin registro</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="677"/>
        <source>certificate {0} valid until {1}</source>
        <translation>certificado {0} válido hasta el {1}</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="684"/>
        <source>Last internal inspection</source>
        <translation>Última inspección interna</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="685"/>
        <source>{0} by {1}: {2}</source>
        <translation>{0} por {1}: {2}</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="691"/>
        <source>never inspected</source>
        <translation>nunca inspeccionado</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="695"/>
        <source>Certification status on {0}</source>
        <translation>Estado de certificación al {0}</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="699"/>
        <source>Decided on</source>
        <translation>Decidida el</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="699"/>
        <source>Sanction</source>
        <translation>Sanción</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="699"/>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="708"/>
        <source>Sanctions</source>
        <translation>Sanciones</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="710"/>
        <source>Member card: {0}</source>
        <translation>Ficha de socio: {0}</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="720"/>
        <source>Entry</source>
        <translation>Asiento</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="722"/>
        <source>Account</source>
        <translation>Cuenta</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="723"/>
        <source>Currency</source>
        <translation>Moneda</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="724"/>
        <source>Debit</source>
        <translation>Debe</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="725"/>
        <source>Credit</source>
        <translation>Haber</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="726"/>
        <source>USD value</source>
        <translation>Valor en USD</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="746"/>
        <source>voucher {0}</source>
        <translation>comprobante {0}</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="747"/>
        <source>reverses {0}</source>
        <translation>revierte {0}</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="785"/>
        <source>Entries: {0}</source>
        <translation>Asientos: {0}</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="789"/>
        <source>Journal from {0} to {1}</source>
        <translation>Libro diario del {0} al {1}</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/documents.py" line="793"/>
        <source>Every entry of the Premium ledger in the period, with its postings</source>
        <translation>Cada asiento del libro de la Prima en el periodo, con sus partidas</translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <location filename="../../coop_desk/ui/pages/users.py" line="100"/>
        <source>Reset the password of {0}</source>
        <translation>Restablecer la contraseña de {0}</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/users.py" line="103"/>
        <source>&amp;New password</source>
        <translation>&amp;Nueva contraseña</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/users.py" line="104"/>
        <source>&amp;Repeat it</source>
        <translation>&amp;Repítala</translation>
    </message>
</context>
<context>
    <name>ReverseEntryDialog</name>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="699"/>
        <source>Reverse entry {0}</source>
        <translation>Revertir el asiento {0}</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="702"/>
        <source>Entry {0} ({1}, {2}) stays in the journal. A reversal entry cancels it, linked to it; then record the correct operation.</source>
        <translation>El asiento {0} ({1}, {2}) queda en el libro diario. Un asiento de reversión vinculado lo anula; luego registre la operación correcta.</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="708"/>
        <source>Required: why the entry is reversed</source>
        <translation>Obligatorio: por qué se revierte el asiento</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="709"/>
        <source>Reversal &amp;date</source>
        <translation>&amp;Fecha de la reversión</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="710"/>
        <source>&amp;Reason</source>
        <translation>&amp;Motivo</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="711"/>
        <source>&amp;Reverse</source>
        <translation>&amp;Revertir</translation>
    </message>
</context>
<context>
    <name>RoleDialog</name>
    <message>
        <location filename="../../coop_desk/ui/pages/users.py" line="123"/>
        <source>Role of {0}</source>
        <translation>Rol de {0}</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/users.py" line="126"/>
        <source>&amp;Role</source>
        <translation>&amp;Rol</translation>
    </message>
</context>
<context>
    <name>SanctionDialog</name>
    <message>
        <location filename="../../coop_desk/ui/dialogs/cert_records.py" line="64"/>
        <source>Sanction</source>
        <translation>Sanción</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/cert_records.py" line="77"/>
        <source>ends on</source>
        <translation>termina el</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/cert_records.py" line="83"/>
        <source>&amp;Member</source>
        <translation>S&amp;ocio</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/cert_records.py" line="84"/>
        <source>&amp;Sanction</source>
        <translation>&amp;Sanción</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/cert_records.py" line="85"/>
        <source>&amp;Decided on</source>
        <translation>De&amp;cidida el</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/cert_records.py" line="86"/>
        <source>&amp;From</source>
        <translation>&amp;Desde</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/cert_records.py" line="92"/>
        <source>&amp;To</source>
        <translation>&amp;Hasta</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/cert_records.py" line="93"/>
        <source>&amp;Reason</source>
        <translation>&amp;Motivo</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/cert_records.py" line="94"/>
        <source>&amp;Inspection</source>
        <translation>&amp;Inspección</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/cert_records.py" line="107"/>
        <source>(none)</source>
        <translation>(ninguna)</translation>
    </message>
</context>
<context>
    <name>SchemeScopeDialog</name>
    <message>
        <location filename="../../coop_desk/ui/dialogs/cert_records.py" line="271"/>
        <source>{0}: certified scope</source>
        <translation>{0}: alcance certificado</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/cert_records.py" line="274"/>
        <source>In the certified scope</source>
        <translation>En el alcance certificado</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/cert_records.py" line="278"/>
        <source>&amp;Since</source>
        <translation>&amp;Desde</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/cert_records.py" line="279"/>
        <source>&amp;Notes</source>
        <translation>&amp;Notas</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../coop_desk/ui/dialogs/settings.py" line="20"/>
        <source>January</source>
        <translation>enero</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/settings.py" line="21"/>
        <source>February</source>
        <translation>febrero</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/settings.py" line="22"/>
        <source>March</source>
        <translation>marzo</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/settings.py" line="23"/>
        <source>April</source>
        <translation>abril</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/settings.py" line="24"/>
        <source>May</source>
        <translation>mayo</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/settings.py" line="25"/>
        <source>June</source>
        <translation>junio</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/settings.py" line="26"/>
        <source>July</source>
        <translation>julio</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/settings.py" line="27"/>
        <source>August</source>
        <translation>agosto</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/settings.py" line="28"/>
        <source>September</source>
        <translation>setiembre</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/settings.py" line="29"/>
        <source>October</source>
        <translation>octubre</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/settings.py" line="30"/>
        <source>November</source>
        <translation>noviembre</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/settings.py" line="31"/>
        <source>December</source>
        <translation>diciembre</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/settings.py" line="41"/>
        <source>Cooperative settings</source>
        <translation>Configuración de la cooperativa</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/settings.py" line="60"/>
        <source>&amp;Name</source>
        <translation>&amp;Nombre</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/settings.py" line="61"/>
        <source>S&amp;hort name</source>
        <translation>Nombre &amp;corto</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/settings.py" line="62"/>
        <source>&amp;Country (ISO code)</source>
        <translation>&amp;País (código ISO)</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/settings.py" line="63"/>
        <source>&amp;Tax id (RUC)</source>
        <translation>&amp;RUC</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/settings.py" line="64"/>
        <source>&amp;Fairtrade FLO ID</source>
        <translation>&amp;FLO ID de Fairtrade</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/settings.py" line="66"/>
        <source>&amp;Reporting currency</source>
        <translation>Moneda de repor&amp;te</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/settings.py" line="68"/>
        <source>&amp;Local currency</source>
        <translation>Moneda &amp;local</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/settings.py" line="70"/>
        <source>Fiscal year &amp;starts in</source>
        <translation>El ejercicio &amp;empieza en</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/settings.py" line="72"/>
        <source>&amp;Workbooks in</source>
        <translation>&amp;Libros de Excel en</translation>
    </message>
</context>
<context>
    <name>SharesModel</name>
    <message>
        <location filename="../../coop_desk/ui/printing/gender.py" line="49"/>
        <source>Group</source>
        <translation>Grupo</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/gender.py" line="50"/>
        <source>Women</source>
        <translation>Mujeres</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/gender.py" line="51"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/printing/gender.py" line="53"/>
        <source>Share of women</source>
        <translation>Proporción de mujeres</translation>
    </message>
</context>
<context>
    <name>ShipmentDialog</name>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/contract.py" line="221"/>
        <source>Record shipment of {0}</source>
        <translation>Registrar el embarque de {0}</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/contract.py" line="224"/>
        <source>Contract {0} with {1}, signed {2}: premium due USD {3}. Once the shipment is recorded the buyer owes it.</source>
        <translation>Contrato {0} con {1}, firmado el {2}: prima por cobrar USD {3}. Una vez registrado el embarque, el comprador la adeuda.</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/contract.py" line="234"/>
        <source>&amp;Shipment date</source>
        <translation>&amp;Fecha de embarque</translation>
    </message>
</context>
<context>
    <name>StatusChangeDialog</name>
    <message>
        <location filename="../../coop_desk/ui/dialogs/member_editor.py" line="106"/>
        <source>Change status of {0}</source>
        <translation>Cambiar el estado de {0}</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/member_editor.py" line="113"/>
        <source>Current status</source>
        <translation>Estado actual</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/member_editor.py" line="120"/>
        <source>Required: why the status changes</source>
        <translation>Obligatorio: por qué cambia el estado</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/member_editor.py" line="122"/>
        <source>&amp;New status</source>
        <translation>&amp;Nuevo estado</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/member_editor.py" line="123"/>
        <source>&amp;Effective date</source>
        <translation>Fecha de &amp;vigencia</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/member_editor.py" line="124"/>
        <source>&amp;Reason</source>
        <translation>&amp;Motivo</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/member_editor.py" line="109"/>
        <source>The change is saved with the member when you press Save in the member&apos;s window.</source>
        <translation>El cambio se guarda con el socio cuando pulse Guardar en la ventana del socio.</translation>
    </message>
</context>
<context>
    <name>TradePage</name>
    <message>
        <location filename="../../coop_desk/ui/pages/trade.py" line="56"/>
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/trade.py" line="58"/>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/trade.py" line="68"/>
        <source>Number</source>
        <translation>Número</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/trade.py" line="69"/>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/trade.py" line="70"/>
        <source>Member</source>
        <translation>Socio</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/trade.py" line="71"/>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/trade.py" line="73"/>
        <source>Collection point</source>
        <translation>Centro de acopio</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/trade.py" line="75"/>
        <location filename="../../coop_desk/ui/pages/trade.py" line="124"/>
        <source>Parchment (kg)</source>
        <translation>Pergamino (kg)</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/trade.py" line="77"/>
        <source>Moisture %</source>
        <translation>Humedad %</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/trade.py" line="80"/>
        <source>Yield %</source>
        <translation>Rendimiento %</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/trade.py" line="82"/>
        <location filename="../../coop_desk/ui/pages/trade.py" line="125"/>
        <source>Green (kg)</source>
        <translation>Verde (kg)</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/trade.py" line="84"/>
        <source>Amount</source>
        <translation>Importe</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/trade.py" line="89"/>
        <location filename="../../coop_desk/ui/pages/trade.py" line="112"/>
        <source>Certified</source>
        <translation>Certificado</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/trade.py" line="92"/>
        <location filename="../../coop_desk/ui/pages/trade.py" line="111"/>
        <source>Lot</source>
        <translation>Lote</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/trade.py" line="95"/>
        <source>ICS flag</source>
        <translation>Alerta SCI</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/trade.py" line="97"/>
        <source>above the estimate</source>
        <translation>sobre la estimación</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/trade.py" line="99"/>
        <source>Season: {0} kg; yield estimate: {1} kg</source>
        <translation>Campaña: {0} kg; estimación de cosecha: {1} kg</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/trade.py" line="113"/>
        <location filename="../../coop_desk/ui/pages/trade.py" line="132"/>
        <source>Contract</source>
        <translation>Contrato</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/trade.py" line="114"/>
        <location filename="../../coop_desk/ui/pages/trade.py" line="133"/>
        <source>Buyer</source>
        <translation>Comprador</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/trade.py" line="115"/>
        <source>Micro-lot producer</source>
        <translation>Productora del microlote</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/trade.py" line="117"/>
        <location filename="../../coop_desk/ui/pages/trade.py" line="288"/>
        <source>Deliveries</source>
        <translation>Entregas</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/trade.py" line="122"/>
        <location filename="../../coop_desk/ui/pages/trade.py" line="152"/>
        <source>Members</source>
        <translation>Socios</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/trade.py" line="126"/>
        <location filename="../../coop_desk/ui/pages/trade.py" line="158"/>
        <source>Shipped</source>
        <translation>Embarcado</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/trade.py" line="134"/>
        <source>Signed</source>
        <translation>Firmado</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/trade.py" line="136"/>
        <source>Terms</source>
        <translation>Condiciones</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/trade.py" line="140"/>
        <source>, organic</source>
        <translation>, orgánico</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/trade.py" line="143"/>
        <source>Green sold (kg)</source>
        <translation>Verde vendido (kg)</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/trade.py" line="144"/>
        <location filename="../../coop_desk/ui/pages/trade.py" line="289"/>
        <source>Lots</source>
        <translation>Lotes</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/trade.py" line="146"/>
        <source>Green in lots (kg)</source>
        <translation>Verde en lotes (kg)</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/trade.py" line="155"/>
        <source>Due-diligence reference</source>
        <translation>Referencia de diligencia debida</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/trade.py" line="178"/>
        <source>Number, member or collection point…</source>
        <translation>Número, socio o centro de acopio…</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/trade.py" line="181"/>
        <source>Only above the yield estimate</source>
        <translation>Solo por encima de la estimación de cosecha</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/trade.py" line="182"/>
        <source>Only not in a lot</source>
        <translation>Solo sin lote</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/trade.py" line="192"/>
        <source>New delivery…</source>
        <translation>Nueva entrega…</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/trade.py" line="193"/>
        <location filename="../../coop_desk/ui/pages/trade.py" line="234"/>
        <source>Edit…</source>
        <translation>Editar…</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/trade.py" line="194"/>
        <location filename="../../coop_desk/ui/pages/trade.py" line="235"/>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/trade.py" line="195"/>
        <source>Add to lot…</source>
        <translation>Agregar a lote…</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/trade.py" line="233"/>
        <source>New lot…</source>
        <translation>Nuevo lote…</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/trade.py" line="236"/>
        <source>Take out of the lot</source>
        <translation>Sacar del lote</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/trade.py" line="262"/>
        <source>Due-diligence reference…</source>
        <translation>Referencia de diligencia debida…</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/trade.py" line="263"/>
        <source>Export EUDR file…</source>
        <translation>Exportar archivo EUDR…</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/trade.py" line="264"/>
        <source>Traceability report…</source>
        <translation>Informe de trazabilidad…</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/trade.py" line="272"/>
        <source>The buyer&apos;s EUDR file lists the plots of every member whose coffee is in the contract&apos;s lots, as the EU information system accepts it (GeoJSON), with a workbook beside it. It is refused, with the reasons, while a plot fails the rules.</source>
        <translation>El archivo EUDR del comprador lista las parcelas de cada socio cuyo café está en los lotes del contrato, tal como lo acepta el sistema de información de la UE (GeoJSON), con un libro Excel al lado. Se rechaza, con los motivos, mientras una parcela no cumpla las reglas.</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/trade.py" line="290"/>
        <source>Contracts</source>
        <translation>Contratos</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/trade.py" line="291"/>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/trade.py" line="573"/>
        <source>Traceability report written</source>
        <translation>Informe de trazabilidad guardado</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/__init__.py" line="105"/>
        <location filename="../../coop_desk/ui/pages/trade.py" line="304"/>
        <source>Deliveries and lots</source>
        <translation>Acopio y lotes</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/trade.py" line="343"/>
        <source>{0} deliveries shown ({1} above the yield estimate) · {2} lots</source>
        <translation>{0} entregas mostradas ({1} sobre la estimación de cosecha) · {2} lotes</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/trade.py" line="351"/>
        <source>Select a lot to see its deliveries.</source>
        <translation>Seleccione un lote para ver sus entregas.</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/trade.py" line="355"/>
        <source>Deliveries in lot {0}: {1} kg of parchment, {2} kg green.</source>
        <translation>Entregas del lote {0}: {1} kg de pergamino, {2} kg de café verde.</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/trade.py" line="428"/>
        <location filename="../../coop_desk/ui/pages/trade.py" line="457"/>
        <source>Select a delivery first.</source>
        <translation>Seleccione primero una entrega.</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/trade.py" line="432"/>
        <source>Select the deliveries first.</source>
        <translation>Seleccione primero las entregas.</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/trade.py" line="436"/>
        <location filename="../../coop_desk/ui/pages/trade.py" line="466"/>
        <source>Select a lot first.</source>
        <translation>Seleccione primero un lote.</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/trade.py" line="439"/>
        <location filename="../../coop_desk/ui/pages/trade.py" line="507"/>
        <location filename="../../coop_desk/ui/pages/trade.py" line="546"/>
        <source>Select a contract first.</source>
        <translation>Seleccione primero un contrato.</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/trade.py" line="443"/>
        <source>Please confirm</source>
        <translation>Confirme, por favor</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/trade.py" line="460"/>
        <source>Delete delivery {0} of {1}?</source>
        <translation>¿Eliminar la entrega {0} de {1}?</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/trade.py" line="468"/>
        <source>Delete lot {0}?</source>
        <translation>¿Eliminar el lote {0}?</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/trade.py" line="476"/>
        <source>Select deliveries of the lot first.</source>
        <translation>Seleccione primero entregas del lote.</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/trade.py" line="494"/>
        <source>The EUDR file is not written</source>
        <translation>El archivo EUDR no se escribió</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/trade.py" line="497"/>
        <source>{0} plots of contract {1} fail the EU deforestation rules. Correct them (see the details), then export again.</source>
        <translation>{0} parcelas del contrato {1} no cumplen las reglas de deforestación de la UE. Corríjalas (vea los detalles) y exporte de nuevo.</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/trade.py" line="510"/>
        <source>Export the EUDR file</source>
        <translation>Exportar el archivo EUDR</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/trade.py" line="512"/>
        <source>GeoJSON (*.geojson)</source>
        <translation>GeoJSON (*.geojson)</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/trade.py" line="524"/>
        <source>Writing the EUDR file</source>
        <translation>Escribiendo el archivo EUDR</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/trade.py" line="530"/>
        <source>Not written: {0} plots fail the EU rules.</source>
        <translation>No se escribió: {0} parcelas no cumplen las reglas de la UE.</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/trade.py" line="536"/>
        <source>Written: {0} ({1} plots) and {2}</source>
        <translation>Escrito: {0} ({1} parcelas) y {2}</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/trade.py" line="540"/>
        <source>EUDR file written</source>
        <translation>Archivo EUDR guardado</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/trade.py" line="549"/>
        <source>Traceability report</source>
        <translation>Informe de trazabilidad</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/trade.py" line="551"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Libro de Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/trade.py" line="565"/>
        <source>Writing the traceability report</source>
        <translation>Escribiendo el informe de trazabilidad</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/trade.py" line="571"/>
        <source>Traceability report written to {0}</source>
        <translation>Informe de trazabilidad escrito en {0}</translation>
    </message>
</context>
<context>
    <name>TransferDialog</name>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="506"/>
        <source>Transfer / currency exchange</source>
        <translation>Transferencia / cambio de moneda</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="509"/>
        <source>Money moved between the cooperative&apos;s accounts. For an exchange (USD to PEN) give the amount that left and the amount that arrived: the rate follows.</source>
        <translation>Dinero movido entre cuentas de la cooperativa. Para un cambio de moneda (USD a PEN) indique el monto que salió y el que llegó: el tipo de cambio se deduce.</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="531"/>
        <source>Optional</source>
        <translation>Opcional</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="533"/>
        <source>&amp;From</source>
        <translation>&amp;Desde</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="534"/>
        <source>&amp;To</source>
        <translation>&amp;Hasta</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="535"/>
        <source>&amp;Date</source>
        <translation>&amp;Fecha</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="537"/>
        <source>Amount &amp;sent</source>
        <translation>Monto envi&amp;ado</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="540"/>
        <source>Amount &amp;arrived</source>
        <translation>Monto reci&amp;bido</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="542"/>
        <source>Rate</source>
        <translation>Tipo de cambio</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="543"/>
        <source>Rate for the &amp;USD value</source>
        <translation>Tipo de cambio para el valor en &amp;USD</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="544"/>
        <source>D&amp;escription</source>
        <translation>D&amp;escripción</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="545"/>
        <source>&amp;Reference</source>
        <translation>&amp;Referencia</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="568"/>
        <source>optional: {0} per 1 {1}; blank = last rate recorded</source>
        <translation>opcional: {0} por 1 {1}; en blanco = último tipo de cambio registrado</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="578"/>
        <source>same currency: no exchange</source>
        <translation>misma moneda: sin cambio</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="586"/>
        <source>give both amounts</source>
        <translation>indique ambos montos</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <location filename="../../coop_desk/ui/pages/users.py" line="70"/>
        <source>New user</source>
        <translation>Nuevo usuario</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/users.py" line="76"/>
        <source>&amp;User name</source>
        <translation>&amp;Usuario</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/users.py" line="77"/>
        <source>&amp;Full name</source>
        <translation>Nombre co&amp;mpleto</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/users.py" line="78"/>
        <source>&amp;Role</source>
        <translation>&amp;Rol</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/users.py" line="79"/>
        <source>&amp;Password</source>
        <translation>&amp;Contraseña</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/users.py" line="80"/>
        <source>R&amp;epeat it</source>
        <translation>R&amp;epítala</translation>
    </message>
</context>
<context>
    <name>UsersModel</name>
    <message>
        <location filename="../../coop_desk/ui/pages/users.py" line="41"/>
        <source>User</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/users.py" line="42"/>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/users.py" line="44"/>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/users.py" line="48"/>
        <source>Active</source>
        <translation>Activo</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/users.py" line="50"/>
        <source>Last sign-in</source>
        <translation>Último ingreso</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/users.py" line="35"/>
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/users.py" line="36"/>
        <source>no</source>
        <translation>no</translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <location filename="../../coop_desk/ui/pages/users.py" line="156"/>
        <source>&amp;Add user…</source>
        <translation>&amp;Agregar usuario…</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/users.py" line="158"/>
        <source>&amp;Reset password…</source>
        <translation>&amp;Restablecer contraseña…</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/users.py" line="160"/>
        <source>&amp;Deactivate</source>
        <translation>&amp;Desactivar</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/users.py" line="162"/>
        <source>Re&amp;activate</source>
        <translation>Reac&amp;tivar</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/users.py" line="164"/>
        <source>Change r&amp;ole…</source>
        <translation>Cambiar r&amp;ol…</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/__init__.py" line="111"/>
        <location filename="../../coop_desk/ui/pages/users.py" line="183"/>
        <source>Users</source>
        <translation>Usuarios</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/users.py" line="192"/>
        <source>{0} accounts, {1} active</source>
        <translation>{0} cuentas, {1} activas</translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <location filename="../../coop_desk/ui/pages/audit.py" line="406"/>
        <source>Integrity check</source>
        <translation>Verificación de integridad</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/audit.py" line="423"/>
        <source>No findings.</source>
        <translation>Sin hallazgos.</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/audit.py" line="409"/>
        <source>Integrity holds. Checks run: {0} · compliance warnings: {1}.</source>
        <translation>Integridad correcta. Verificaciones realizadas: {0} · advertencias de cumplimiento: {1}.</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/pages/audit.py" line="412"/>
        <source>Integrity FAILED. Problems found: {2} · checks run: {0} · compliance warnings: {1}.</source>
        <translation>Integridad FALLIDA. Problemas encontrados: {2} · verificaciones realizadas: {0} · advertencias de cumplimiento: {1}.</translation>
    </message>
</context>
<context>
    <name>_AccountAmount</name>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="87"/>
        <source>{0} per 1 {1}</source>
        <translation>{0} por 1 {1}</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/operations.py" line="96"/>
        <source>not needed for {0}</source>
        <translation>no hace falta para {0}</translation>
    </message>
</context>
<context>
    <name>_MeetingFields</name>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/plan.py" line="46"/>
        <source>e.g. Acta 07-2026</source>
        <translation>p. ej. Acta 07-2026</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/plan.py" line="53"/>
        <source>Assembly &amp;date</source>
        <translation>&amp;Fecha de la asamblea</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/plan.py" line="54"/>
        <source>&amp;Minutes / resolution</source>
        <translation>&amp;Acta / acuerdo</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/plan.py" line="55"/>
        <source>Members &amp;present</source>
        <translation>Socios &amp;presentes</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/plan.py" line="56"/>
        <source>&amp;Women present</source>
        <translation>&amp;Mujeres presentes</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/plan.py" line="57"/>
        <source>Votes &amp;for</source>
        <translation>Votos a fa&amp;vor</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/plan.py" line="58"/>
        <source>Votes a&amp;gainst</source>
        <translation>Votos en &amp;contra</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/plan.py" line="59"/>
        <source>A&amp;bstentions</source>
        <translation>A&amp;bstenciones</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/premium/plan.py" line="60"/>
        <source>N&amp;otes</source>
        <translation>N&amp;otas</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../coop_desk/app.py" line="81"/>
        <location filename="../../coop_desk/app.py" line="116"/>
        <source>Cannot open the database</source>
        <translation>No se puede abrir la base de datos</translation>
    </message>
    <message>
        <location filename="../../coop_desk/app.py" line="127"/>
        <source>The database was changed outside coop-desk</source>
        <translation>La base de datos fue modificada fuera de coop-desk</translation>
    </message>
    <message>
        <location filename="../../coop_desk/app.py" line="86"/>
        <source>Open another database…</source>
        <translation>Abrir otra base de datos…</translation>
    </message>
</context>
<context>
    <name>backup_actions</name>
    <message>
        <location filename="../../coop_desk/ui/backup_actions.py" line="60"/>
        <source>Last good backup: {0}</source>
        <translation>Última copia buena: {0}</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/backup_actions.py" line="63"/>
        <source>none yet</source>
        <translation>ninguna todavía</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/backup_actions.py" line="65"/>
        <source>Copies: {0} daily, {1} monthly</source>
        <translation>Copias: {0} diarias, {1} mensuales</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/backup_actions.py" line="72"/>
        <source>The last backup had a problem: {0}</source>
        <translation>La última copia tuvo un problema: {0}</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/backup_actions.py" line="78"/>
        <source>The backup folder cannot be reached (is the USB disk plugged in?).</source>
        <translation>No se puede acceder a la carpeta de copias (¿está conectado el disco USB?).</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/backup_actions.py" line="94"/>
        <source>Back up</source>
        <translation>Copia de seguridad</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/backup_actions.py" line="95"/>
        <source>This database is on a server: it is backed up with pg_dump (see the README).</source>
        <translation>Esta base de datos está en un servidor: sus copias se hacen con pg_dump (vea el README).</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/backup_actions.py" line="104"/>
        <source>Copying and checking…</source>
        <translation>Copiando y comprobando…</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/backup_actions.py" line="109"/>
        <location filename="../../coop_desk/ui/backup_actions.py" line="147"/>
        <source>Backing up</source>
        <translation>Haciendo la copia de seguridad</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/backup_actions.py" line="119"/>
        <location filename="../../coop_desk/ui/backup_actions.py" line="157"/>
        <source>Backup written</source>
        <translation>Copia de seguridad guardada</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/backup_actions.py" line="120"/>
        <location filename="../../coop_desk/ui/backup_actions.py" line="158"/>
        <source>Backup written and checked: {0}</source>
        <translation>Copia guardada y comprobada: {0}</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/backup_actions.py" line="135"/>
        <source>Back up the database to a file</source>
        <translation>Copiar la base de datos a un archivo</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/backup_actions.py" line="137"/>
        <source>SQLite database (*.sqlite)</source>
        <translation>Base de datos SQLite (*.sqlite)</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/backup_actions.py" line="257"/>
        <location filename="../../coop_desk/ui/backup_actions.py" line="281"/>
        <source>Restore from a copy</source>
        <translation>Restaurar desde una copia</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/backup_actions.py" line="259"/>
        <source>SQLite database (*.sqlite);;All files (*)</source>
        <translation>Base de datos SQLite (*.sqlite);;Todos los archivos (*)</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/backup_actions.py" line="267"/>
        <source>Replace the database with this copy?

The copy: {0} members, {1} journal entries, last change {2}.
Now: {3} members, {4} journal entries.

The current database is kept aside in the backups folder of your data folder.</source>
        <translation>¿Reemplazar la base de datos con esta copia?

La copia: {0} socios, {1} asientos, último cambio {2}.
Ahora: {3} socios, {4} asientos.

La base de datos actual se guarda aparte en la carpeta de copias de su carpeta de datos.</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/backup_actions.py" line="324"/>
        <source>Checking the copy</source>
        <translation>Comprobando la copia</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/backup_actions.py" line="357"/>
        <source>Restored</source>
        <translation>Restaurada</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/backup_actions.py" line="358"/>
        <source>The database was restored. The previous one is kept at {0}.</source>
        <translation>La base de datos fue restaurada. La anterior se guarda en {0}.</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/backup_actions.py" line="421"/>
        <source>Backing up before closing</source>
        <translation>Haciendo la copia antes de cerrar</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/backup_actions.py" line="430"/>
        <source>No backup</source>
        <translation>Sin copia de seguridad</translation>
    </message>
</context>
<context>
    <name>certs</name>
    <message>
        <location filename="../../coop_desk/ui/cert_models.py" line="87"/>
        <location filename="../../coop_desk/ui/cert_models.py" line="237"/>
        <source>Scheme</source>
        <translation>Esquema</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/cert_models.py" line="89"/>
        <source>Holder</source>
        <translation>Titular</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/cert_models.py" line="96"/>
        <source>Certifier</source>
        <translation>Certificadora</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/cert_models.py" line="97"/>
        <source>Number</source>
        <translation>Número</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/cert_models.py" line="99"/>
        <source>Issued</source>
        <translation>Emitido</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/cert_models.py" line="104"/>
        <source>Expires</source>
        <translation>Vence</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/cert_models.py" line="109"/>
        <source>Days left</source>
        <translation>Días restantes</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/cert_models.py" line="115"/>
        <source>Document</source>
        <translation>Documento</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/cert_models.py" line="120"/>
        <source>Scope</source>
        <translation>Alcance</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/cert_models.py" line="137"/>
        <source>Code</source>
        <translation>Código</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/cert_models.py" line="138"/>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/cert_models.py" line="139"/>
        <source>Community</source>
        <translation>Caserío</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/cert_models.py" line="141"/>
        <source>Last inspection</source>
        <translation>Última inspección</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/cert_models.py" line="143"/>
        <source>never</source>
        <translation>nunca</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/cert_models.py" line="148"/>
        <location filename="../../coop_desk/ui/cert_models.py" line="271"/>
        <source>Total ha</source>
        <translation>Total ha</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/cert_models.py" line="165"/>
        <location filename="../../coop_desk/ui/cert_models.py" line="374"/>
        <source>Member</source>
        <translation>Socio</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/cert_models.py" line="170"/>
        <source>Corrective action</source>
        <translation>Acción correctiva</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/cert_models.py" line="175"/>
        <source>Due</source>
        <translation>Plazo</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/cert_models.py" line="180"/>
        <location filename="../../coop_desk/ui/cert_models.py" line="282"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/cert_models.py" line="182"/>
        <source>done {0}</source>
        <translation>cumplida {0}</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/cert_models.py" line="184"/>
        <source>overdue</source>
        <translation>vencida</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/cert_models.py" line="186"/>
        <source>open</source>
        <translation>abierta</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/cert_models.py" line="202"/>
        <source>Level</source>
        <translation>Nivel</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/cert_models.py" line="207"/>
        <source>Alert</source>
        <translation>Alerta</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/cert_models.py" line="212"/>
        <location filename="../../coop_desk/ui/cert_models.py" line="317"/>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/cert_models.py" line="217"/>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/cert_models.py" line="229"/>
        <source>not recorded</source>
        <translation>no registrado</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/cert_models.py" line="231"/>
        <location filename="../../coop_desk/ui/cert_models.py" line="301"/>
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/cert_models.py" line="233"/>
        <location filename="../../coop_desk/ui/cert_models.py" line="303"/>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/cert_models.py" line="239"/>
        <source>In certified scope</source>
        <translation>En alcance certificado</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/cert_models.py" line="244"/>
        <source>Since</source>
        <translation>Desde</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/cert_models.py" line="249"/>
        <source>Member certificate</source>
        <translation>Certificado del socio</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/cert_models.py" line="251"/>
        <source>{0}, expires {1}</source>
        <translation>{0}, vence {1}</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/cert_models.py" line="259"/>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/cert_models.py" line="269"/>
        <source>Plot</source>
        <translation>Parcela</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/cert_models.py" line="277"/>
        <source>Conversion start</source>
        <translation>Inicio de transición</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/cert_models.py" line="286"/>
        <source>Override: {0} (computed: {1})</source>
        <translation>Corregido: {0} (calculado: {1})</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/cert_models.py" line="294"/>
        <source>Organic from</source>
        <translation>Orgánico desde</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/cert_models.py" line="299"/>
        <source>Counts as certified</source>
        <translation>Cuenta como certificada</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/cert_models.py" line="321"/>
        <source>Inspector</source>
        <translation>Inspector</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/cert_models.py" line="323"/>
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/cert_models.py" line="328"/>
        <source>Plots visited</source>
        <translation>Parcelas visitadas</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/cert_models.py" line="333"/>
        <source>Yield estimate kg</source>
        <translation>Cosecha est. kg</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/cert_models.py" line="339"/>
        <source>Prohibited input</source>
        <translation>Insumo prohibido</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/cert_models.py" line="348"/>
        <source>Findings</source>
        <translation>Hallazgos</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/cert_models.py" line="354"/>
        <source>Corrective actions</source>
        <translation>Acciones correctivas</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/cert_models.py" line="382"/>
        <source>Decided</source>
        <translation>Decidida</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/cert_models.py" line="387"/>
        <source>Sanction</source>
        <translation>Sanción</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/cert_models.py" line="392"/>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/cert_models.py" line="397"/>
        <source>To</source>
        <translation>Hasta</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/cert_models.py" line="402"/>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/dialogs/cert_records.py" line="41"/>
        <source>(none)</source>
        <translation>(ninguna)</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/cert_models.py" line="92"/>
        <source>the cooperative</source>
        <translation>la cooperativa</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../coop_desk/ui/errors.py" line="33"/>
        <source>Not allowed</source>
        <translation>No permitido</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/errors.py" line="37"/>
        <source>Please correct</source>
        <translation>Corrija por favor</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/errors.py" line="41"/>
        <source>Database problem</source>
        <translation>Problema con la base de datos</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/errors.py" line="45"/>
        <source>Cannot do that</source>
        <translation>No se puede hacer eso</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/errors.py" line="56"/>
        <source>Unexpected error</source>
        <translation>Error inesperado</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/errors.py" line="57"/>
        <source>Something went wrong that coop-desk did not expect. Nothing was saved from the action you were doing; your data is safe. Please report this with the details below.</source>
        <translation>Ocurrió algo que coop-desk no esperaba. No se guardó nada de la acción que estaba haciendo; sus datos están a salvo. Por favor, informe este error con los detalles de abajo.</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/errors.py" line="64"/>
        <source>The details are also written to {0}.</source>
        <translation>Los detalles también se escriben en {0}.</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/errors.py" line="70"/>
        <source>Copy details</source>
        <translation>Copiar detalles</translation>
    </message>
</context>
<context>
    <name>excel_actions</name>
    <message>
        <location filename="../../coop_desk/ui/excel_files.py" line="32"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Libro de Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/excel_files.py" line="33"/>
        <source>Excel workbook (*.xlsx *.xlsm);;All files (*)</source>
        <translation>Libro de Excel (*.xlsx *.xlsm);;Todos los archivos (*)</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/excel_actions.py" line="72"/>
        <source>Export the member register</source>
        <translation>Exportar el padrón de socios</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/excel_actions.py" line="74"/>
        <source>Exporting the member register</source>
        <translation>Exportando el padrón de socios</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/excel_actions.py" line="78"/>
        <location filename="../../coop_desk/ui/excel_actions.py" line="146"/>
        <source>Export finished</source>
        <translation>Exportación terminada</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/excel_actions.py" line="79"/>
        <source>{0} members and {1} plots written to {2}.</source>
        <translation>{0} socios y {1} parcelas guardados en {2}.</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/excel_files.py" line="137"/>
        <source>Save the roster template</source>
        <translation>Guardar la plantilla del padrón</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/excel_files.py" line="148"/>
        <source>Template saved</source>
        <translation>Plantilla guardada</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/excel_files.py" line="149"/>
        <source>The template was saved to {0}.</source>
        <translation>La plantilla se guardó en {0}.</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/excel_actions.py" line="120"/>
        <location filename="../../coop_desk/ui/excel_actions.py" line="171"/>
        <source>Premium-use report</source>
        <translation>Informe de uso de la Prima</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/excel_actions.py" line="121"/>
        <source>Fiscal year:</source>
        <translation>Ejercicio:</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/excel_actions.py" line="140"/>
        <source>Export the Premium ledger</source>
        <translation>Exportar el libro de la Prima</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/excel_actions.py" line="142"/>
        <source>Exporting the Premium ledger</source>
        <translation>Exportando el libro de la Prima</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/excel_actions.py" line="147"/>
        <source>The ledger for {0} ({1} postings) was written to {2}.</source>
        <translation>El libro de {0} ({1} movimientos) se guardó en {2}.</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/excel_actions.py" line="160"/>
        <source>Writing the report…</source>
        <translation>Escribiendo el informe…</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/excel_actions.py" line="173"/>
        <source>Writing the premium-use report</source>
        <translation>Escribiendo el informe de uso de la Prima</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/excel_actions.py" line="175"/>
        <source>Report written</source>
        <translation>Informe guardado</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/excel_actions.py" line="176"/>
        <source>The premium-use report {0} was written to {1}.</source>
        <translation>El informe de uso de la Prima {0} se guardó en {1}.</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/excel_actions.py" line="185"/>
        <source>Import a premium cash book</source>
        <translation>Importar un libro de caja de la Prima</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/excel_actions.py" line="210"/>
        <source>Reading {0}</source>
        <translation>Leyendo {0}</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/excel_actions.py" line="246"/>
        <source>Member register to &amp;Excel…</source>
        <translation>Padrón de socios a &amp;Excel…</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/excel_actions.py" line="267"/>
        <source>&amp;Member roster from Excel…</source>
        <translation>Padrón de &amp;socios desde Excel…</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/excel_actions.py" line="273"/>
        <source>Download the roster &amp;template…</source>
        <translation>Descargar la &amp;plantilla del padrón…</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/excel_actions.py" line="252"/>
        <source>Premium &amp;ledger workbook…</source>
        <translation>&amp;Libro de la Prima en Excel…</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/excel_actions.py" line="258"/>
        <source>Annual &amp;premium-use report…</source>
        <translation>Informe anual de &amp;uso de la Prima…</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/excel_actions.py" line="279"/>
        <source>Premium &amp;cash book from Excel…</source>
        <translation>Libro de &amp;caja de la Prima desde Excel…</translation>
    </message>
</context>
<context>
    <name>exported</name>
    <message>
        <location filename="../../coop_desk/ui/exported.py" line="36"/>
        <source>Open file</source>
        <translation>Abrir archivo</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/exported.py" line="39"/>
        <source>Open folder</source>
        <translation>Abrir carpeta</translation>
    </message>
</context>
<context>
    <name>password</name>
    <message>
        <location filename="../../coop_desk/ui/dialogs/change_password.py" line="25"/>
        <source>the two passwords differ</source>
        <translation>las dos contraseñas no coinciden</translation>
    </message>
</context>
<context>
    <name>workers</name>
    <message>
        <location filename="../../coop_desk/ui/workers.py" line="99"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../../coop_desk/ui/workers.py" line="121"/>
        <source>Cancelling…</source>
        <translation>Cancelando…</translation>
    </message>
</context>
</TS>
