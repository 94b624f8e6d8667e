<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="nl_NL">
<context>
    <name>SignalLabels</name>
    <message>
        <source>Interne afdeling</source>
        <translation>Internal department</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Partner</translation>
    </message>
    <message>
        <source>Inwoner</source>
        <translation>Resident</translation>
    </message>
    <message>
        <source>Anoniem</source>
        <translation>Anonymous</translation>
    </message>
    <message>
        <source>Nieuw</source>
        <translation>New</translation>
    </message>
    <message>
        <source>In beoordeling</source>
        <translation>Under review</translation>
    </message>
    <message>
        <source>Afgesloten</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>Geen vermoeden</source>
        <translation>No suspicion</translation>
    </message>
    <message>
        <source>Onvoldoende informatie</source>
        <translation>Insufficient information</translation>
    </message>
    <message>
        <source>Doorverwezen</source>
        <translation>Referred</translation>
    </message>
    <message>
        <source>Zaak geopend</source>
        <translation>Case opened</translation>
    </message>
    <message>
        <source>Anders</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>Ja</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>Nee</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Onbekend</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <source>Eenmalig</source>
        <translation>One-off</translation>
    </message>
    <message>
        <source>Meerdere slachtoffers</source>
        <translation>Multiple victims</translation>
    </message>
    <message>
        <source>Georganiseerd</source>
        <translation>Organised</translation>
    </message>
    <message>
        <source>Laag</source>
        <translation>Low</translation>
    </message>
    <message>
        <source>Middel</source>
        <translation>Medium</translation>
    </message>
    <message>
        <source>Hoog</source>
        <translation>High</translation>
    </message>
    <message>
        <source>Acuut</source>
        <translation>Acute</translation>
    </message>
    <message>
        <source>Dwang</source>
        <translation>Coercion</translation>
    </message>
    <message>
        <source>Uitbuiting</source>
        <translation>Exploitation</translation>
    </message>
    <message>
        <source>Controlemethoden (HTCDS)</source>
        <translation>Control methods (HTCDS)</translation>
    </message>
</context>
<context>
    <name>StatusText</name>
    <message>
        <source>De wachtwoordzin is onjuist. De kluis blijft vergrendeld; de mislukte poging wordt vastgelegd in het auditlog.</source>
        <translation>The passphrase is incorrect. The vault stays locked; the failed attempt is recorded in the audit log.</translation>
    </message>
    <message>
        <source>Geen kluis gevonden in deze map, of de opgegeven sleutel bestaat niet.</source>
        <translation>No vault found in this folder, or the given key slot does not exist.</translation>
    </message>
    <message>
        <source>De kluis is al geopend door een ander programma (bijvoorbeeld de opdrachtregel). Sluit dat eerst af.</source>
        <translation>The vault is already open in another program (for example the command line). Close that first.</translation>
    </message>
    <message>
        <source>Een bestand van de kluis is beschadigd of gewijzigd. Neem contact op met de beheerder (details: %1).</source>
        <translation>A file of the vault is damaged or has been altered. Contact the administrator (details: %1).</translation>
    </message>
    <message>
        <source>Een beleidsbestand is ongeldig; de kluis wordt niet geopend (details: %1).</source>
        <translation>A policy file is invalid; the vault is not opened (details: %1).</translation>
    </message>
    <message>
        <source>De invoer is niet geldig (details: %1).</source>
        <translation>The input is not valid (details: %1).</translation>
    </message>
    <message>
        <source>Het is niet gelukt (details: %1).</source>
        <translation>That did not work (details: %1).</translation>
    </message>
</context>
<context>
    <name>mk::gui</name>
    <message>
        <source>Te laat (normtijd verstreken)</source>
        <translation>Late (norm time exceeded)</translation>
    </message>
    <message>
        <source>Op tijd</source>
        <translation>On time</translation>
    </message>
    <message>
        <source>Voldaan binnen de normtijd</source>
        <translation>Fulfilled within the norm time</translation>
    </message>
    <message>
        <source>Voldaan, na de normtijd</source>
        <translation>Fulfilled, after the norm time</translation>
    </message>
    <message>
        <source>Gesloten zonder resultaat</source>
        <translation>Closed without result</translation>
    </message>
    <message>
        <source>Alle stappen van de Meldcode zijn doorlopen.</source>
        <translation>All steps of the Meldcode have been completed.</translation>
    </message>
    <message>
        <source>Volgende stap: afwegingskader vraag %1</source>
        <translation>Next step: assessment framework question %1</translation>
    </message>
    <message>
        <source>Volgende stap: stap %1</source>
        <translation>Next step: step %1</translation>
    </message>
    <message>
        <source>Het afwegingskader wijst op: %1 (vanwege vraag %2)</source>
        <translation>The assessment framework points to: %1 (because of question %2)</translation>
    </message>
</context>
<context>
    <name>mk::gui::AddPersonDialog</name>
    <message>
        <source>Slachtoffer toevoegen</source>
        <translation>Add victim</translation>
    </message>
    <message>
        <source>De gegevens worden versleuteld opgeslagen onder een eigen sleutel voor deze persoon. Alleen de naam is verplicht.</source>
        <translation>The data is stored encrypted under a separate key for this person. Only the name is required.</translation>
    </message>
    <message>
        <source>dd-mm-jjjj</source>
        <translation>dd-mm-yyyy</translation>
    </message>
    <message>
        <source>Toevoegen</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>mk::gui::AuditPage</name>
    <message>
        <source>dd-mm-jjjj</source>
        <translation>dd-mm-yyyy</translation>
    </message>
    <message>
        <source>Auditlog</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <source>&amp;Verifiëren</source>
        <translation>&amp;Verify</translation>
    </message>
    <message>
        <source>Berekent de Merkle-boom opnieuw uit alle regels en controleert elk ondertekend checkpoint</source>
        <translation>Recomputes the Merkle tree from all entries and checks every signed checkpoint</translation>
    </message>
    <message>
        <source>Checkpoint e&amp;xporteren…</source>
        <translation>E&amp;xport checkpoint…</translation>
    </message>
    <message>
        <source>Schrijft het laatste ondertekende checkpoint naar een bestand; bewaar het buiten de kluis</source>
        <translation>Writes the latest signed checkpoint to a file; keep it outside the vault</translation>
    </message>
    <message>
        <source>Wie deed wat, met welk dossier, wanneer, waarvandaan en waarom: alleen nummers en codes, nooit namen.</source>
        <translation>Who did what, with which record, when, from where and why: only numbers and codes, never names.</translation>
    </message>
    <message>
        <source>bijv. signal.add</source>
        <translation>e.g. signal.add</translation>
    </message>
    <message>
        <source>&amp;Actie bevat:</source>
        <translation>&amp;Action contains:</translation>
    </message>
    <message>
        <source>Vanaf datum</source>
        <translation>From date</translation>
    </message>
    <message>
        <source>Tot en met datum</source>
        <translation>To date (inclusive)</translation>
    </message>
    <message>
        <source>Va&amp;naf:</source>
        <translation>&amp;From:</translation>
    </message>
    <message>
        <source>&amp;Tot en met:</source>
        <translation>&amp;To:</translation>
    </message>
    <message>
        <source>Auditregels</source>
        <translation>Audit entries</translation>
    </message>
    <message>
        <source>Uitkomst van de verificatie</source>
        <translation>Verification result</translation>
    </message>
    <message>
        <source>Sleutels</source>
        <translation>Keys</translation>
    </message>
    <message>
        <source>Naam</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Rol</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Auditlog lezen…</source>
        <translation>Reading audit log…</translation>
    </message>
    <message>
        <source>vanaf</source>
        <translation>from</translation>
    </message>
    <message>
        <source>tot en met</source>
        <translation>to</translation>
    </message>
    <message>
        <source>%1 van %2 regels</source>
        <translation>%1 of %2 entries</translation>
    </message>
    <message>
        <source>datum %1 niet begrepen (dd-mm-jjjj)</source>
        <translation>date %1 not understood (dd-mm-yyyy)</translation>
    </message>
    <message>
        <source>Auditlog verifiëren…</source>
        <translation>Verifying audit log…</translation>
    </message>
    <message>
        <source>Verifiëren</source>
        <translation>Verify</translation>
    </message>
    <message>
        <source>&lt;b&gt;In orde.&lt;/b&gt; %1 regels geverifieerd, %2 checkpoint(s) gecontroleerd.</source>
        <translation>&lt;b&gt;OK.&lt;/b&gt; %1 entries verified, %2 checkpoint(s) checked.</translation>
    </message>
    <message>
        <source>&lt;b&gt;FOUT:&lt;/b&gt; %1. Eerste foute regel: %2. %3 regels gelezen.</source>
        <translation>&lt;b&gt;ERROR:&lt;/b&gt; %1. First bad entry: %2. %3 entries read.</translation>
    </message>
    <message>
        <source>Laatste checkpoint: %1 regels · wortel &lt;tt&gt;%2&lt;/tt&gt;</source>
        <translation>Latest checkpoint: %1 entries · root &lt;tt&gt;%2&lt;/tt&gt;</translation>
    </message>
    <message>
        <source>Nog geen checkpoint ondertekend.</source>
        <translation>No checkpoint signed yet.</translation>
    </message>
    <message>
        <source>Checkpoint exporteren</source>
        <translation>Export checkpoint</translation>
    </message>
    <message>
        <source>Tekst (*.txt)</source>
        <translation>Text (*.txt)</translation>
    </message>
    <message>
        <source>Checkpoint van %1 regels geschreven naar %2.
Bewaar het buiten de kluis.</source>
        <translation>Checkpoint of %1 entries written to %2.
Keep it outside the vault.</translation>
    </message>
</context>
<context>
    <name>mk::gui::AuditTableModel</name>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>%1 (geweigerd/fout)</source>
        <translation>%1 (denied/error)</translation>
    </message>
    <message>
        <source>Details: %1</source>
        <translation>Details: %1</translation>
    </message>
    <message>
        <source>Nr.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Tijd (UTC)</source>
        <translation>Time (UTC)</translation>
    </message>
    <message>
        <source>Sleutel (rol)</source>
        <translation>Key (role)</translation>
    </message>
    <message>
        <source>Actie</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>Object</translation>
    </message>
    <message>
        <source>Resultaat</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Reden</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Herkomst</source>
        <translation>Origin</translation>
    </message>
</context>
<context>
    <name>mk::gui::CaseDisclosuresPanel</name>
    <message>
        <source>Verstrekking</source>
        <translation>Disclosure</translation>
    </message>
    <message>
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Partner</translation>
    </message>
    <message>
        <source>Doel</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Records</translation>
    </message>
    <message>
        <source>Velden</source>
        <translation>Fields</translation>
    </message>
    <message>
        <source>Gepseudonimiseerd</source>
        <translation>Pseudonymised</translation>
    </message>
    <message>
        <source>Gegeneraliseerd</source>
        <translation>Generalised</translation>
    </message>
    <message>
        <source>Achtergehouden</source>
        <translation>Withheld</translation>
    </message>
    <message>
        <source>Grondslag</source>
        <translation>Legal basis</translation>
    </message>
</context>
<context>
    <name>mk::gui::CasePersonsPanel</name>
    <message>
        <source>Persoon</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Rol</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Naam</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Geboortedatum</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>Nationaliteit</source>
        <translation>Nationality</translation>
    </message>
    <message>
        <source>Verwerking beperkt</source>
        <translation>Processing restricted</translation>
    </message>
    <message>
        <source>&amp;Slachtoffer toevoegen…</source>
        <translation>&amp;Add victim…</translation>
    </message>
    <message>
        <source>&amp;Persoon delen…</source>
        <translation>&amp;Share person…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Personen&lt;/b&gt;</source>
        <translation>&lt;b&gt;People&lt;/b&gt;</translation>
    </message>
    <message>
        <source>(niet te lezen)</source>
        <translation>(unreadable)</translation>
    </message>
</context>
<context>
    <name>mk::gui::CaseSignalsPanel</name>
    <message>
        <source>Melding</source>
        <translation>Signal</translation>
    </message>
    <message>
        <source>Ontvangen</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Bron</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Vormen</source>
        <translation>Forms</translation>
    </message>
    <message>
        <source>Indicatoren</source>
        <translation>Indicators</translation>
    </message>
    <message>
        <source>&lt;b&gt;Meldingen&lt;/b&gt;</source>
        <translation>&lt;b&gt;Signals&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>mk::gui::CaseView</name>
    <message>
        <source>Bewaarplicht (&amp;legal hold) instellen…</source>
        <translation>Set &amp;legal hold…</translation>
    </message>
    <message>
        <source>Bewaarplicht &amp;opheffen</source>
        <translation>L&amp;ift legal hold</translation>
    </message>
    <message>
        <source>&amp;Delen…</source>
        <translation>&amp;Share…</translation>
    </message>
    <message>
        <source>Meldingen en personen</source>
        <translation>Signals and people</translation>
    </message>
    <message>
        <source>Meldcode</source>
        <translation>Meldcode</translation>
    </message>
    <message>
        <source>Hulpverzoeken</source>
        <translation>Help requests</translation>
    </message>
    <message>
        <source>Toestemmingen</source>
        <translation>Consents</translation>
    </message>
    <message>
        <source>Verstrekkingen</source>
        <translation>Disclosures</translation>
    </message>
    <message>
        <source>Zaak %1</source>
        <translation>Case %1</translation>
    </message>
    <message>
        <source>Status: %1 · geopend op %2</source>
        <translation>Status: %1 · opened on %2</translation>
    </message>
    <message>
        <source> · gesloten op %1</source>
        <translation> · closed on %1</translation>
    </message>
    <message>
        <source>Samenvatting: %1</source>
        <translation>Summary: %1</translation>
    </message>
    <message>
        <source>Geen zaak gekozen</source>
        <translation>No case selected</translation>
    </message>
    <message>
        <source>&lt;b&gt;Bewaarplicht (legal hold) geldt&lt;/b&gt; sinds %1, ingesteld door %2. Reden: %3</source>
        <translation>&lt;b&gt;Legal hold in effect&lt;/b&gt; since %1, set by %2. Reason: %3</translation>
    </message>
    <message>
        <source>Geen bewaarplicht. De laatste (reden: %1) is opgeheven op %2.</source>
        <translation>No legal hold. The last one (reason: %1) was lifted on %2.</translation>
    </message>
    <message>
        <source>Geen bewaarplicht: de bewaartermijnen gelden gewoon.</source>
        <translation>No legal hold: the normal retention periods apply.</translation>
    </message>
</context>
<context>
    <name>mk::gui::CaseWords</name>
    <message>
        <source>Naam</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Geboortedatum</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>Nationaliteit</source>
        <translation>Nationality</translation>
    </message>
    <message>
        <source>BSN</source>
        <translation>BSN</translation>
    </message>
    <message>
        <source>Documentnummer</source>
        <translation>Document number</translation>
    </message>
    <message>
        <source>Adres</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Telefoon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Melding: datum ontvangen</source>
        <translation>Signal: date received</translation>
    </message>
    <message>
        <source>Melding: soort bron</source>
        <translation>Signal: source type</translation>
    </message>
    <message>
        <source>Melding: vormen van uitbuiting</source>
        <translation>Signal: forms of exploitation</translation>
    </message>
    <message>
        <source>Melding: indicatoren</source>
        <translation>Signal: indicators</translation>
    </message>
    <message>
        <source>Melding: minderjarige betrokken</source>
        <translation>Signal: minor involved</translation>
    </message>
    <message>
        <source>Melding: omvang</source>
        <translation>Signal: scale</translation>
    </message>
    <message>
        <source>Melding: ernst</source>
        <translation>Signal: severity</translation>
    </message>
    <message>
        <source>Melding: aard</source>
        <translation>Signal: nature</translation>
    </message>
    <message>
        <source>Melding: verhaal</source>
        <translation>Signal: narrative</translation>
    </message>
    <message>
        <source>Zaak: geopend op</source>
        <translation>Case: opened on</translation>
    </message>
    <message>
        <source>Zaak: gesloten op</source>
        <translation>Case: closed on</translation>
    </message>
    <message>
        <source>Zaak: status</source>
        <translation>Case: status</translation>
    </message>
    <message>
        <source>Zaak: samenvatting</source>
        <translation>Case: summary</translation>
    </message>
    <message>
        <source>Meegestuurd</source>
        <translation>Included</translation>
    </message>
    <message>
        <source>Gepseudonimiseerd</source>
        <translation>Pseudonymised</translation>
    </message>
    <message>
        <source>Gegeneraliseerd</source>
        <translation>Generalised</translation>
    </message>
    <message>
        <source>Achtergehouden</source>
        <translation>Withheld</translation>
    </message>
    <message>
        <source>Betrokkene zelf</source>
        <translation>Data subject</translation>
    </message>
    <message>
        <source>Ouder</source>
        <translation>Parent</translation>
    </message>
    <message>
        <source>Voogd</source>
        <translation>Guardian</translation>
    </message>
    <message>
        <source>Actief</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Nazorg</source>
        <translation>Aftercare</translation>
    </message>
    <message>
        <source>Gesloten</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>Gesloten, doorverwezen</source>
        <translation>Closed, referred</translation>
    </message>
    <message>
        <source>Huisvesting</source>
        <translation>Housing</translation>
    </message>
    <message>
        <source>Uitkering</source>
        <translation>Benefits</translation>
    </message>
    <message>
        <source>Inschrijving BRP</source>
        <translation>BRP registration</translation>
    </message>
    <message>
        <source>Medische zorg</source>
        <translation>Medical care</translation>
    </message>
    <message>
        <source>Opvang</source>
        <translation>Shelter</translation>
    </message>
    <message>
        <source>Rechtsbijstand</source>
        <translation>Legal aid</translation>
    </message>
    <message>
        <source>Identiteitspapieren</source>
        <translation>Identity documents</translation>
    </message>
</context>
<context>
    <name>mk::gui::CasesPage</name>
    <message>
        <source>Zaak</source>
        <translation>Case</translation>
    </message>
    <message>
        <source>Geopend</source>
        <translation>Opened</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Bewaarplicht</source>
        <translation>Legal hold</translation>
    </message>
    <message>
        <source>Zaken</source>
        <translation>Cases</translation>
    </message>
    <message>
        <source>ja</source>
        <translation>yes</translation>
    </message>
</context>
<context>
    <name>mk::gui::ConsentDialog</name>
    <message>
        <source>Toestemming vastleggen</source>
        <translation>Record consent</translation>
    </message>
    <message>
        <source>&amp;Persoon:</source>
        <translation>&amp;Person:</translation>
    </message>
    <message>
        <source>P&amp;artner:</source>
        <translation>P&amp;artner:</translation>
    </message>
    <message>
        <source>&amp;Doel:</source>
        <translation>P&amp;urpose:</translation>
    </message>
    <message>
        <source>&amp;Ondertekend door:</source>
        <translation>&amp;Signed by:</translation>
    </message>
    <message>
        <source>&amp;Gegeven op:</source>
        <translation>&amp;Given on:</translation>
    </message>
    <message>
        <source>Vastleggen</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Voor dit doel is schriftelijke toestemming nodig: vanaf %1 jaar van betrokkene zelf, jonger van een ouder of voogd.</source>
        <translation>This purpose needs written consent: from the age of %1 from the person themselves, younger from a parent or guardian.</translation>
    </message>
    <message>
        <source>Dit doel vraagt geen toestemming; een vastgelegde toestemming wordt wel bewaard.</source>
        <translation>This purpose needs no consent; a recorded consent is kept nonetheless.</translation>
    </message>
    <message>
        <source>Toestemming vastleggen…</source>
        <translation>Recording the consent…</translation>
    </message>
</context>
<context>
    <name>mk::gui::ConsentsPanel</name>
    <message>
        <source>Toestemming</source>
        <translation>Consent</translation>
    </message>
    <message>
        <source>Persoon</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Partner</translation>
    </message>
    <message>
        <source>Doel</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <source>Ondertekend door</source>
        <translation>Signed by</translation>
    </message>
    <message>
        <source>Gegeven op</source>
        <translation>Given on</translation>
    </message>
    <message>
        <source>Ingetrokken op</source>
        <translation>Withdrawn on</translation>
    </message>
    <message>
        <source>Toestemming &amp;intrekken</source>
        <translation>&amp;Withdraw consent</translation>
    </message>
    <message>
        <source>Toestemming &amp;vastleggen…</source>
        <translation>Record &amp;consent…</translation>
    </message>
</context>
<context>
    <name>mk::gui::CreateVaultDialog</name>
    <message>
        <source>Nieuwe kluis aanmaken</source>
        <translation>Create a new vault</translation>
    </message>
    <message>
        <source>De kluis komt in de map &lt;b&gt;%1&lt;/b&gt;. Kies een wachtwoordzin van minstens %2 tekens; een zin van enkele woorden is sterk en goed te onthouden.</source>
        <translation>The vault will be created in the folder &lt;b&gt;%1&lt;/b&gt;. Choose a passphrase of at least %2 characters; a sentence of a few words is strong and easy to remember.</translation>
    </message>
    <message>
        <source>&amp;Wachtwoordzin:</source>
        <translation>&amp;Passphrase:</translation>
    </message>
    <message>
        <source>&amp;Herhaal wachtwoordzin:</source>
        <translation>&amp;Repeat passphrase:</translation>
    </message>
    <message>
        <source>&amp;Aanmaken</source>
        <translation>&amp;Create</translation>
    </message>
    <message>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message numerus="yes">
        <source>Nog %n teken(s) nodig.</source>
        <translation>
            <numerusform>%n more character needed.</numerusform>
            <numerusform>%n more characters needed.</numerusform>
        </translation>
    </message>
    <message>
        <source>De twee wachtwoordzinnen zijn nog niet gelijk.</source>
        <translation>The two passphrases do not match yet.</translation>
    </message>
    <message>
        <source>De wachtwoordzin voldoet.</source>
        <translation>The passphrase is acceptable.</translation>
    </message>
    <message>
        <source>Kluis aanmaken…</source>
        <translation>Creating the vault…</translation>
    </message>
</context>
<context>
    <name>mk::gui::DecisionDialog</name>
    <message>
        <source>Besluit vastleggen</source>
        <translation>Record decision</translation>
    </message>
    <message>
        <source>Stap %1: %2</source>
        <translation>Step %1: %2</translation>
    </message>
    <message>
        <source>    Vraag %1: %2</source>
        <translation>    Question %1: %2</translation>
    </message>
    <message>
        <source>Waarom dit besluit? (wordt versleuteld bewaard)</source>
        <translation>Why this decision? (stored encrypted)</translation>
    </message>
    <message>
        <source>&amp;Onderdeel:</source>
        <translation>&amp;Item:</translation>
    </message>
    <message>
        <source>&amp;Antwoord:</source>
        <translation>&amp;Answer:</translation>
    </message>
    <message>
        <source>&amp;Toelichting:</source>
        <translation>&amp;Explanation:</translation>
    </message>
    <message>
        <source>Een besluit wordt nooit gewijzigd: een nieuw besluit over hetzelfde onderdeel komt erbij en geldt vanaf dan.</source>
        <translation>A decision is never changed: a new decision on the same item is added and applies from then on.</translation>
    </message>
    <message>
        <source>Vastleggen</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>mk::gui::DisclosuresPage</name>
    <message>
        <source>Verstrekkingen</source>
        <translation>Disclosures</translation>
    </message>
    <message>
        <source>Het register van wat aan wie is verstrekt, met welk doel en op welke grondslag: veldnamen, aantallen en hashes, geen personen.</source>
        <translation>The register of what was disclosed to whom, for what purpose and on what legal basis: field names, counts and hashes, no persons.</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Partner</translation>
    </message>
    <message>
        <source>&amp;Partner:</source>
        <translation>&amp;Partner:</translation>
    </message>
    <message>
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Doel</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <source>Grondslag</source>
        <translation>Legal basis</translation>
    </message>
    <message>
        <source>Velden</source>
        <translation>Fields</translation>
    </message>
    <message>
        <source>Gepseudonimiseerd</source>
        <translation>Pseudonymised</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Records</translation>
    </message>
    <message>
        <source>Pakket (SHA-256)</source>
        <translation>Package (SHA-256)</translation>
    </message>
    <message>
        <source>Nummer</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Alle partners</source>
        <translation>All partners</translation>
    </message>
    <message>
        <source>Soort partner: %1</source>
        <translation>Partner type: %1</translation>
    </message>
    <message>
        <source>Vastgelegd door %1</source>
        <translation>Recorded by %1</translation>
    </message>
    <message>
        <source>%1 van %2 verstrekkingen</source>
        <translation>%1 of %2 disclosures</translation>
    </message>
</context>
<context>
    <name>mk::gui::HelpRequestDialog</name>
    <message>
        <source>Hulpverzoek toevoegen</source>
        <translation>Add help request</translation>
    </message>
    <message>
        <source>bijvoorbeeld: Team Wonen</source>
        <translation>for example: Housing Team</translation>
    </message>
    <message>
        <source>(de zaak als geheel)</source>
        <translation>(the case as a whole)</translation>
    </message>
    <message>
        <source>&amp;Soort hulp:</source>
        <translation>&amp;Type of help:</translation>
    </message>
    <message>
        <source>&amp;Verantwoordelijk team:</source>
        <translation>&amp;Responsible team:</translation>
    </message>
    <message>
        <source>&amp;Voor:</source>
        <translation>&amp;For:</translation>
    </message>
    <message>
        <source>Toevoegen</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>mk::gui::HelpRequestsPanel</name>
    <message>
        <source>Verzoek</source>
        <translation>Request</translation>
    </message>
    <message>
        <source>Soort hulp</source>
        <translation>Type of help</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Persoon</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Aangevraagd</source>
        <translation>Requested</translation>
    </message>
    <message>
        <source>Normtijd</source>
        <translation>Norm time</translation>
    </message>
    <message>
        <source>Uiterlijk</source>
        <translation>Due by</translation>
    </message>
    <message>
        <source>Gesloten</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>Stand</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>&amp;Hulpverzoek toevoegen…</source>
        <translation>&amp;Add help request…</translation>
    </message>
    <message>
        <source>&amp;Voldaan</source>
        <translation>&amp;Fulfilled</translation>
    </message>
    <message>
        <source>Sluiten &amp;zonder resultaat</source>
        <translation>Close &amp;without result</translation>
    </message>
</context>
<context>
    <name>mk::gui::HoldDialog</name>
    <message>
        <source>Bewaarplicht (legal hold) instellen</source>
        <translation>Set legal hold</translation>
    </message>
    <message>
        <source>bijvoorbeeld: Lopend onderzoek OM, verzoek 2026-11</source>
        <translation>for example: Ongoing Public Prosecution Service (OM) investigation, request 2026-11</translation>
    </message>
    <message>
        <source>Zolang de bewaarplicht geldt, worden de zaak, haar meldingen en personen niet vernietigd, ook niet op verzoek. Noem de juridische grond, nooit een persoon: de functionaris gegevensbescherming leest de reden.</source>
        <translation>While the legal hold applies, the case, its signals and persons are not destroyed, not even on request. State the legal grounds, never a person: the data protection officer reads the reason.</translation>
    </message>
    <message>
        <source>&amp;Reden:</source>
        <translation>&amp;Reason:</translation>
    </message>
    <message>
        <source>Instellen</source>
        <translation>Set</translation>
    </message>
    <message>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>mk::gui::IntakeDialog</name>
    <message>
        <source>Slachtoffer</source>
        <translation>Victim</translation>
    </message>
    <message>
        <source>Verdachte</source>
        <translation>Suspect</translation>
    </message>
    <message>
        <source>Melder</source>
        <translation>Reporter</translation>
    </message>
    <message>
        <source>Anders</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>Nieuw signaal</source>
        <translation>New signal</translation>
    </message>
    <message>
        <source>Geen routeringsadvies: het routeringsbeleid kon niet worden gelezen.</source>
        <translation>No routing advice: the routing policy could not be read.</translation>
    </message>
    <message>
        <source>Opslaan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Melding</source>
        <translation>Signal</translation>
    </message>
    <message>
        <source>dd-mm-jjjj</source>
        <translation>dd-mm-yyyy</translation>
    </message>
    <message>
        <source>&amp;Ontvangen op</source>
        <translation>&amp;Received on</translation>
    </message>
    <message>
        <source>&amp;Bron</source>
        <translation>&amp;Source</translation>
    </message>
    <message>
        <source>bijv. Wijkteam Oost, Burgerzaken</source>
        <translation>e.g. East District Team, Civil Affairs</translation>
    </message>
    <message>
        <source>&amp;Team of organisatie</source>
        <translation>&amp;Team or organisation</translation>
    </message>
    <message>
        <source>Vermoede vormen</source>
        <translation>Suspected forms</translation>
    </message>
    <message>
        <source>Indicatoren</source>
        <translation>Indicators</translation>
    </message>
    <message>
        <source>Betrokkenen</source>
        <translation>People involved</translation>
    </message>
    <message>
        <source>Voornaam</source>
        <translation>First name</translation>
    </message>
    <message>
        <source>Achternaam</source>
        <translation>Last name</translation>
    </message>
    <message>
        <source>Geboren dd-mm-jjjj</source>
        <translation>Born dd-mm-yyyy</translation>
    </message>
    <message>
        <source>Nationaliteit</source>
        <translation>Nationality</translation>
    </message>
    <message>
        <source>&amp;Toevoegen</source>
        <translation>&amp;Add</translation>
    </message>
    <message>
        <source>Rol</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Geboortedatum</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>Betrokkene &amp;verwijderen</source>
        <translation>Remo&amp;ve person involved</translation>
    </message>
    <message>
        <source>Beoordeling en relaas</source>
        <translation>Assessment and narrative</translation>
    </message>
    <message>
        <source>&amp;Minderjarige betrokken</source>
        <translation>&amp;Minor involved</translation>
    </message>
    <message>
        <source>Nog niet beoordeeld</source>
        <translation>Not yet assessed</translation>
    </message>
    <message>
        <source>Om&amp;vang</source>
        <translation>Sca&amp;le</translation>
    </message>
    <message>
        <source>&amp;Ernst</source>
        <translation>S&amp;everity</translation>
    </message>
    <message>
        <source>Aard van de situatie, zoals u die nu inschat</source>
        <translation>Nature of the situation, as you currently assess it</translation>
    </message>
    <message>
        <source>&amp;Aard</source>
        <translation>&amp;Nature</translation>
    </message>
    <message>
        <source>Wat is er gemeld, door wie, wanneer en waar</source>
        <translation>What was reported, by whom, when and where</translation>
    </message>
    <message>
        <source>&amp;Relaas</source>
        <translation>&amp;Narrative</translation>
    </message>
    <message>
        <source>Routeringsadvies</source>
        <translation>Routing advice</translation>
    </message>
    <message>
        <source>Een advies: u beslist. Wat u deelt, gaat altijd via het deelbeleid.</source>
        <translation>This is advice only: you decide. Anything you share always goes through the sharing policy.</translation>
    </message>
    <message>
        <source>Nog geen advies: vink vormen of indicatoren aan.</source>
        <translation>No advice yet: tick forms or indicators.</translation>
    </message>
    <message>
        <source>Betrokkene: vul ten minste een voornaam of achternaam in.</source>
        <translation>Person involved: enter at least a first name or surname.</translation>
    </message>
    <message>
        <source>Geboortedatum: vul een bestaande datum in als dd-mm-jjjj, bijvoorbeeld 23-11-2001.</source>
        <translation>Date of birth: enter a valid date as dd-mm-yyyy, for example 23-11-2001.</translation>
    </message>
    <message>
        <source>Ontvangen op: vul een bestaande datum in als dd-mm-jjjj, bijvoorbeeld 16-02-2026.</source>
        <translation>Received on: enter a valid date as dd-mm-yyyy, for example 16-02-2026.</translation>
    </message>
    <message>
        <source>Ontvangen op: deze datum ligt in de toekomst.</source>
        <translation>Received on: this date is in the future.</translation>
    </message>
    <message>
        <source>Betrokkenen: er staat nog een naam in de invoerregel. Kies eerst &quot;Toevoegen&quot; of maak de regel leeg.</source>
        <translation>Persons involved: there is still a name in the input field. Choose &quot;Add&quot; first or clear the field.</translation>
    </message>
    <message>
        <source>Signaal opslaan</source>
        <translation>Save signal</translation>
    </message>
    <message>
        <source>Het signaal is niet opgeslagen: %1</source>
        <translation>The signal was not saved: %1</translation>
    </message>
</context>
<context>
    <name>mk::gui::MainWindow</name>
    <message>
        <source>Rol: coördinator</source>
        <translation>Role: coordinator</translation>
    </message>
    <message>
        <source>Rol: functionaris gegevensbescherming</source>
        <translation>Role: data protection officer</translation>
    </message>
    <message>
        <source>Rol: herstelsleutel</source>
        <translation>Role: recovery key</translation>
    </message>
    <message>
        <source>&amp;Kluis</source>
        <translation>&amp;Vault</translation>
    </message>
    <message>
        <source>&amp;Vergrendelen</source>
        <translation>&amp;Lock</translation>
    </message>
    <message>
        <source>&amp;Afsluiten</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Instellingen</source>
        <translation>&amp;Settings</translation>
    </message>
    <message numerus="yes">
        <source>Automatisch &amp;vergrendelen na %n minuten…</source>
        <translation>
            <numerusform>Automatically &amp;lock after %n minute…</numerusform>
            <numerusform>Automatically &amp;lock after %n minutes…</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Taal</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>Automatisch vergrendelen</source>
        <translation>Automatic lock</translation>
    </message>
    <message>
        <source>Vergrendel de kluis na zoveel minuten zonder toetsenbord- of muisgebruik:</source>
        <translation>Lock the vault after this many minutes without keyboard or mouse use:</translation>
    </message>
    <message>
        <source>Kluis: %1</source>
        <translation>Vault: %1</translation>
    </message>
    <message>
        <source>Ontgrendeld</source>
        <translation>Unlocked</translation>
    </message>
    <message>
        <source>Vergrendeld</source>
        <translation>Locked</translation>
    </message>
    <message>
        <source>Meldkluis — signalen mensenhandel</source>
        <translation>Meldkluis — human trafficking signals</translation>
    </message>
</context>
<context>
    <name>mk::gui::MeldcodePanel</name>
    <message>
        <source>Stap %1</source>
        <translation>Step %1</translation>
    </message>
    <message>
        <source>Vraag %1</source>
        <translation>Question %1</translation>
    </message>
    <message>
        <source>(versleuteld)</source>
        <translation>(encrypted)</translation>
    </message>
    <message>
        <source>Onderdeel</source>
        <translation>Section</translation>
    </message>
    <message>
        <source>Omschrijving</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Antwoord</source>
        <translation>Answer</translation>
    </message>
    <message>
        <source>Wanneer</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Door</source>
        <translation>By</translation>
    </message>
    <message>
        <source>Toelichting</source>
        <translation>Explanation</translation>
    </message>
    <message>
        <source>Besluit</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>&amp;Besluit vastleggen…</source>
        <translation>&amp;Record decision…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Stappen en afwegingskader&lt;/b&gt; (het geldende antwoord)</source>
        <translation>&lt;b&gt;Steps and assessment framework&lt;/b&gt; (the current answer)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Vastgelegde besluiten&lt;/b&gt; (oudste eerst)</source>
        <translation>&lt;b&gt;Recorded decisions&lt;/b&gt; (oldest first)</translation>
    </message>
</context>
<context>
    <name>mk::gui::PoliciesPage</name>
    <message>
        <source>Niet te vergelijken: %1</source>
        <translation>Cannot compare: %1</translation>
    </message>
    <message>
        <source>Geen wijziging in de inhoud (alleen de opmaak).</source>
        <translation>No change in substance (layout only).</translation>
    </message>
    <message>
        <source>Beleid</source>
        <translation>Policies</translation>
    </message>
    <message>
        <source>&amp;Verwerkingsregister opslaan…</source>
        <translation>Save processing &amp;register…</translation>
    </message>
    <message>
        <source>Het register van verwerkingsactiviteiten (AVG art. 30) uit het beleid dat nu geldt, als PDF of JSON</source>
        <translation>The register of processing activities (GDPR art. 30) from the policies in force, as PDF or JSON</translation>
    </message>
    <message>
        <source>De beleidsversies waaronder de kluis heeft gewerkt: wanneer een gewijzigd beleidsbestand voor het eerst is gezien, met de SHA-256 van de oude en de nieuwe versie. Beleid bevat geen persoonsgegevens.</source>
        <translation>The policy versions the vault has run under: when a changed policy file was first seen, with the SHA-256 of the old and the new version. Policies hold no personal data.</translation>
    </message>
    <message>
        <source>Tijd</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Bestand</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Oude versie</source>
        <translation>Old version</translation>
    </message>
    <message>
        <source>Nieuwe versie</source>
        <translation>New version</translation>
    </message>
    <message>
        <source>Sleutel</source>
        <translation>Key slot</translation>
    </message>
    <message>
        <source>Beleidsgeschiedenis</source>
        <translation>Policy history</translation>
    </message>
    <message>
        <source>Wijziging in woorden</source>
        <translation>The change in words</translation>
    </message>
    <message>
        <source>Kies een wijziging in de tabel.</source>
        <translation>Choose a change in the table.</translation>
    </message>
    <message>
        <source>Geen beleidsversies vastgelegd.</source>
        <translation>No policy versions recorded.</translation>
    </message>
    <message>
        <source>%1 vastgelegde wijziging(en)</source>
        <translation>%1 recorded change(s)</translation>
    </message>
    <message>
        <source>Verwerkingsregister opslaan</source>
        <translation>Save processing register</translation>
    </message>
    <message>
        <source>PDF (*.pdf);;JSON (*.json)</source>
        <translation>PDF (*.pdf);;JSON (*.json)</translation>
    </message>
    <message>
        <source>Kies een bestandsnaam die eindigt op .pdf of .json.</source>
        <translation>Choose a file name ending in .pdf or .json.</translation>
    </message>
    <message>
        <source>Verwerkingsregister maken…</source>
        <translation>Making the processing register…</translation>
    </message>
    <message>
        <source>Verwerkingsregister opgeslagen: %1</source>
        <translation>Processing register saved: %1</translation>
    </message>
</context>
<context>
    <name>mk::gui::RecoveryKeyDialog</name>
    <message>
        <source>Herstelsleutel</source>
        <translation>Recovery key</translation>
    </message>
    <message>
        <source>Bewaar de herstelsleutel</source>
        <translation>Keep the recovery key</translation>
    </message>
    <message>
        <source>Met deze sleutel opent u de kluis als de wachtwoordzin kwijt is. Hij wordt nu één keer getoond en is daarna niet meer op te vragen. Druk hem af of schrijf hem over en bewaar hem op een veilige plek, niet op deze computer.</source>
        <translation>This key opens the vault if the passphrase is lost. It is shown once, now, and cannot be retrieved afterwards. Print it or write it down and keep it in a safe place, not on this computer.</translation>
    </message>
    <message>
        <source>&amp;Opslaan als PDF…</source>
        <translation>&amp;Save as PDF…</translation>
    </message>
    <message>
        <source>Sla de sleutel op als PDF om hem af te drukken; verwijder het bestand daarna.</source>
        <translation>Save the key as a PDF to print it; delete the file afterwards.</translation>
    </message>
    <message>
        <source>&amp;Ik heb de herstelsleutel bewaard</source>
        <translation>&amp;I have kept the recovery key</translation>
    </message>
    <message>
        <source>&amp;Sluiten</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <source>Herstelsleutel opslaan als PDF</source>
        <translation>Save recovery key as PDF</translation>
    </message>
    <message>
        <source>PDF-bestanden (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>Opslaan mislukt</source>
        <translation>Saving failed</translation>
    </message>
    <message>
        <source>Het PDF-bestand kon niet worden geschreven.</source>
        <translation>The PDF file could not be written.</translation>
    </message>
    <message>
        <source>Herstelsleutel Meldkluis</source>
        <translation>Meldkluis recovery key</translation>
    </message>
    <message>
        <source>Met deze sleutel opent u de kluis als de wachtwoordzin kwijt is. Bewaar dit papier op een veilige plek, gescheiden van de computer. Verwijder het PDF-bestand na het afdrukken.

Aangemaakt op %1.</source>
        <translation>This key opens the vault if the passphrase is lost. Keep this paper in a safe place, away from the computer. Delete the PDF file after printing.

Created on %1.</translation>
    </message>
</context>
<context>
    <name>mk::gui::ReportsPage</name>
    <message>
        <source>Heel jaar</source>
        <translation>Full year</translation>
    </message>
    <message>
        <source>1e halfjaar</source>
        <translation>1st half</translation>
    </message>
    <message>
        <source>2e halfjaar</source>
        <translation>2nd half</translation>
    </message>
    <message>
        <source>1e kwartaal</source>
        <translation>Q1</translation>
    </message>
    <message>
        <source>2e kwartaal</source>
        <translation>Q2</translation>
    </message>
    <message>
        <source>3e kwartaal</source>
        <translation>Q3</translation>
    </message>
    <message>
        <source>4e kwartaal</source>
        <translation>Q4</translation>
    </message>
    <message>
        <source>Rapportages</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>De rapportage aan de burgemeester: aantallen over de periode, kleine aantallen niet getoond (x). Geen namen, nummers of vrije tekst.</source>
        <translation>The report to the mayor: counts for the period, small counts not shown (x). No names, numbers or free text.</translation>
    </message>
    <message>
        <source>&amp;Periode:</source>
        <translation>&amp;Period:</translation>
    </message>
    <message>
        <source>Jaar</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>Deel van het jaar</source>
        <translation>Part of the year</translation>
    </message>
    <message>
        <source>&amp;Maken</source>
        <translation>&amp;Generate</translation>
    </message>
    <message>
        <source>Opslaan als P&amp;DF…</source>
        <translation>Save as P&amp;DF…</translation>
    </message>
    <message>
        <source>Opslaan als &amp;CSV…</source>
        <translation>Save as &amp;CSV…</translation>
    </message>
    <message>
        <source>Compliance&amp;rapport opslaan…</source>
        <translation>Save compliance &amp;report…</translation>
    </message>
    <message>
        <source>Verstrekkingen per partner en grondslag, bewaarstatus, controle van het auditlog en sleutels, als PDF met JSON ernaast</source>
        <translation>Disclosures per partner and legal basis, retention status, verification of the audit log and keys, as PDF with JSON alongside</translation>
    </message>
    <message>
        <source>Rapportage</source>
        <translation>Report</translation>
    </message>
    <message>
        <source>Pagina %1 van %2</source>
        <translation>Page %1 of %2</translation>
    </message>
    <message>
        <source>Rapportage maken…</source>
        <translation>Generating report…</translation>
    </message>
    <message>
        <source>Periode %1 · %2 pagina(&apos;s) · %3 aantal(len) niet getoond (x)</source>
        <translation>Period %1 · %2 page(s) · %3 count(s) not shown (x)</translation>
    </message>
    <message>
        <source>Rapportage opslaan als PDF</source>
        <translation>Save report as PDF</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>PDF schrijven…</source>
        <translation>Writing PDF…</translation>
    </message>
    <message>
        <source>Opslaan als PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <source>Opgeslagen: %1</source>
        <translation>Saved: %1</translation>
    </message>
    <message>
        <source>Rapportage opslaan als CSV</source>
        <translation>Save report as CSV</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>CSV schrijven…</source>
        <translation>Writing CSV…</translation>
    </message>
    <message>
        <source>Opslaan als CSV</source>
        <translation>Save as CSV</translation>
    </message>
    <message>
        <source>Compliancerapport opslaan</source>
        <translation>Save compliance report</translation>
    </message>
    <message>
        <source>Compliancerapport maken…</source>
        <translation>Generating compliance report…</translation>
    </message>
    <message>
        <source>Compliancerapport</source>
        <translation>Compliance report</translation>
    </message>
    <message>
        <source>Opgeslagen: %1
en %2
Auditlog: %3</source>
        <translation>Saved: %1
and %2
Audit log: %3</translation>
    </message>
    <message>
        <source>geverifieerd</source>
        <translation>verified</translation>
    </message>
    <message>
        <source>NIET geverifieerd</source>
        <translation>NOT verified</translation>
    </message>
</context>
<context>
    <name>mk::gui::RetentionPage</name>
    <message>
        <source>Bewaartermijnen</source>
        <translation>Retention periods</translation>
    </message>
    <message>
        <source>&amp;Opschonen…</source>
        <translation>&amp;Sweep…</translation>
    </message>
    <message>
        <source>Vernietigt wat vandaag vervalt en niet bevroren is, na een voorbeeld om te bevestigen</source>
        <translation>Destroys what expires today and is not on legal hold, after a preview for you to confirm</translation>
    </message>
    <message>
        <source>Tellingen</source>
        <translation>Counts</translation>
    </message>
    <message>
        <source>Wat vervalt</source>
        <translation>What expires</translation>
    </message>
    <message>
        <source>Soort</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Rol</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Regel</source>
        <translation>Rule</translation>
    </message>
    <message>
        <source>Aanleiding</source>
        <translation>Trigger</translation>
    </message>
    <message>
        <source>Datum aanleiding</source>
        <translation>Trigger date</translation>
    </message>
    <message>
        <source>Vervalt op</source>
        <translation>Expires on</translation>
    </message>
    <message>
        <source>Actie</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Bevroren door</source>
        <translation>On hold by</translation>
    </message>
    <message>
        <source>Bevestigd door archivaris?</source>
        <translation>Confirmed by archivist?</translation>
    </message>
    <message>
        <source>Bevriezingen (legal holds)</source>
        <translation>Legal holds</translation>
    </message>
    <message>
        <source>Casus</source>
        <translation>Case</translation>
    </message>
    <message>
        <source>Reden</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Geplaatst</source>
        <translation>Placed</translation>
    </message>
    <message>
        <source>Door</source>
        <translation>By</translation>
    </message>
    <message>
        <source>Bevriezingen</source>
        <translation>Legal holds</translation>
    </message>
    <message>
        <source>Het bewaarplan kon niet worden gemaakt. %1</source>
        <translation>The retention plan could not be created. %1</translation>
    </message>
    <message>
        <source>Peildatum %1 · bewaarbeleid %2 (versie %3)</source>
        <translation>Reference date %1 · retention policy %2 (version %3)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Vervallen: %1&lt;/b&gt; &amp;nbsp;·&amp;nbsp; te vernietigen: %2 &amp;nbsp;·&amp;nbsp; achterstallig (meer dan %3 dagen): %4 &amp;nbsp;·&amp;nbsp; bevroren: %5</source>
        <translation>&lt;b&gt;Expired: %1&lt;/b&gt; &amp;nbsp;·&amp;nbsp; to destroy: %2 &amp;nbsp;·&amp;nbsp; overdue (more than %3 days): %4 &amp;nbsp;·&amp;nbsp; on hold: %5</translation>
    </message>
    <message>
        <source>Niets vervalt op of voor de peildatum.</source>
        <translation>Nothing expires on or before the reference date.</translation>
    </message>
    <message>
        <source>Niet bevestigd door de archivaris: %1</source>
        <translation>Not confirmed by the archivist: %1</translation>
    </message>
    <message>
        <source>Opschonen</source>
        <translation>Sweep</translation>
    </message>
    <message>
        <source>Er is vandaag niets te vernietigen.</source>
        <translation>There is nothing to destroy today.</translation>
    </message>
    <message>
        <source>… en nog %1</source>
        <translation>… and %1 more</translation>
    </message>
    <message>
        <source>%1 onderwerp(en) worden onherroepelijk vernietigd; %2 bevroren blijven bewaard.

%3

Doorgaan?</source>
        <translation>%1 item(s) will be irreversibly destroyed; %2 on legal hold will be kept.

%3

Continue?</translation>
    </message>
    <message>
        <source>Opschonen bevestigen</source>
        <translation>Confirm sweep</translation>
    </message>
    <message>
        <source>Afgebroken, niets vernietigd.</source>
        <translation>Cancelled, nothing destroyed.</translation>
    </message>
    <message>
        <source>Vernietigen…</source>
        <translation>Destroying…</translation>
    </message>
    <message>
        <source>%1 van %2</source>
        <translation>%1 of %2</translation>
    </message>
    <message>
        <source>%1 van %2 vernietigd voor de fout; opnieuw opschonen maakt het af.</source>
        <translation>%1 of %2 destroyed before the error; sweeping again will finish the job.</translation>
    </message>
    <message>
        <source>%1 vernietigd, %2 bevroren (niet vernietigd).</source>
        <translation>%1 destroyed, %2 on legal hold (not destroyed).</translation>
    </message>
</context>
<context>
    <name>mk::gui::ShareDialog</name>
    <message>
        <source>&lt; V&amp;orige</source>
        <translation>&lt; &amp;Back</translation>
    </message>
    <message>
        <source>&amp;Volgende &gt;</source>
        <translation>&amp;Next &gt;</translation>
    </message>
    <message>
        <source>&amp;Exporteren</source>
        <translation>&amp;Export</translation>
    </message>
    <message>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>zaak %1</source>
        <translation>case %1</translation>
    </message>
    <message>
        <source>persoon %1</source>
        <translation>person %1</translation>
    </message>
    <message>
        <source>Delen: %1</source>
        <translation>Share: %1</translation>
    </message>
    <message>
        <source> (niet geregistreerd in deze kluis)</source>
        <translation> (not registered in this vault)</translation>
    </message>
    <message>
        <source>Kies de partner en het doel. Alleen wat het verstrekkingsbeleid voor dat doel toestaat gaat mee; u ziet eerst per veld wat er gebeurt.</source>
        <translation>Choose the partner and the purpose. Only what the disclosure policy allows for that purpose is included; you will first see what happens to each field.</translation>
    </message>
    <message>
        <source>&amp;Partner:</source>
        <translation>&amp;Partner:</translation>
    </message>
    <message>
        <source>&amp;Doel:</source>
        <translation>P&amp;urpose:</translation>
    </message>
    <message>
        <source>&amp;Bladeren…</source>
        <translation>B&amp;rowse…</translation>
    </message>
    <message>
        <source>&amp;Bestand:</source>
        <translation>&amp;File:</translation>
    </message>
    <message>
        <source>Er komen twee nieuwe bestanden: het pakket (versleuteld met age, alleen te openen met de sleutel van de partner) en ernaast het bestand met de extensie .minisig (de handtekening van de gemeente). Een bestaand bestand wordt nooit overschreven.</source>
        <translation>Two new files will be created: the package (encrypted with age, can only be opened with the partner&apos;s key) and, next to it, the file with the .minisig extension (the municipality&apos;s signature). An existing file is never overwritten.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Grondslag:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Legal basis:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;br&gt;&lt;b&gt;Toestemming vereist:&lt;/b&gt; %1</source>
        <translation>&lt;br&gt;&lt;br&gt;&lt;b&gt;Consent required:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>1. Partner en doel</source>
        <translation>1. Partner and purpose</translation>
    </message>
    <message>
        <source>2. Voorvertoning per veld</source>
        <translation>2. Preview per field</translation>
    </message>
    <message>
        <source>3. Exporteren</source>
        <translation>3. Export</translation>
    </message>
    <message>
        <source>4. Verstrekkingenregister</source>
        <translation>4. Disclosure register</translation>
    </message>
    <message>
        <source>&amp;Sluiten</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <source>Het pakket voor %1 (doel: %2) bevat %3 record(s).</source>
        <translation>The package for %1 (purpose: %2) contains %3 record(s).</translation>
    </message>
    <message>
        <source>Pakket opslaan</source>
        <translation>Save package</translation>
    </message>
    <message>
        <source>age-pakket (*.age)</source>
        <translation>age package (*.age)</translation>
    </message>
    <message>
        <source>Kies eerst een bestand.</source>
        <translation>Choose a file first.</translation>
    </message>
    <message>
        <source>Versleutelen, ondertekenen en vastleggen</source>
        <translation>Encrypt, sign and record</translation>
    </message>
    <message>
        <source>Pakket maken en ondertekenen</source>
        <translation>Create and sign package</translation>
    </message>
</context>
<context>
    <name>mk::gui::SharePreviewView</name>
    <message>
        <source>Onderdeel</source>
        <translation>Section</translation>
    </message>
    <message>
        <source>Veld</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Behandeling</source>
        <translation>Treatment</translation>
    </message>
    <message>
        <source>Regel of reden</source>
        <translation>Rule or reason</translation>
    </message>
    <message>
        <source>&lt;b&gt;Naar:&lt;/b&gt; %1&lt;br&gt;&lt;b&gt;Doel:&lt;/b&gt; %2&lt;br&gt;&lt;b&gt;Grondslag:&lt;/b&gt; %3&lt;br&gt;&lt;b&gt;Bron:&lt;/b&gt; %4&lt;br&gt;&lt;b&gt;Records in het pakket:&lt;/b&gt; %5</source>
        <translation>&lt;b&gt;To:&lt;/b&gt; %1&lt;br&gt;&lt;b&gt;Purpose:&lt;/b&gt; %2&lt;br&gt;&lt;b&gt;Legal basis:&lt;/b&gt; %3&lt;br&gt;&lt;b&gt;Source:&lt;/b&gt; %4&lt;br&gt;&lt;b&gt;Records in the package:&lt;/b&gt; %5</translation>
    </message>
    <message>
        <source>Zaak en meldingen</source>
        <translation>Case and signals</translation>
    </message>
    <message>
        <source>Persoon %1 (%2)</source>
        <translation>Person %1 (%2)</translation>
    </message>
    <message>
        <source>alle velden</source>
        <translation>all fields</translation>
    </message>
    <message>
        <source>Achtergehouden (hele persoon)</source>
        <translation>Withheld (entire person)</translation>
    </message>
    <message>
        <source>Persoon %1 (%2, pseudoniem %3)</source>
        <translation>Person %1 (%2, pseudonym %3)</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Delen is niet toegestaan&lt;/h3&gt;&lt;p&gt;Het verstrekkingsbeleid staat deze verstrekking niet toe. Er wordt niets geëxporteerd en niets vastgelegd in het verstrekkingenregister; de weigering staat in het auditlog.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Waarom:&lt;/b&gt;&lt;/p&gt;&lt;ul&gt;%1&lt;/ul&gt;&lt;p style=&apos;color:#555&apos;&gt;Reden zoals het beleid hem geeft: %2&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Sharing is not allowed&lt;/h3&gt;&lt;p&gt;The disclosure policy does not allow this disclosure. Nothing is exported and nothing is recorded in the disclosure register; the refusal is recorded in the audit log.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Why:&lt;/b&gt;&lt;/p&gt;&lt;ul&gt;%1&lt;/ul&gt;&lt;p style=&apos;color:#555&apos;&gt;Reason as given by the policy: %2&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>mk::gui::ShareRefusal</name>
    <message>
        <source>de verwerking van deze persoon is beperkt (AVG art. 18)</source>
        <translation>processing of this person&apos;s data is restricted (GDPR art. 18)</translation>
    </message>
    <message>
        <source>er is geen toestemming vastgelegd voor %1</source>
        <translation>no consent has been recorded for %1</translation>
    </message>
    <message>
        <source>de toestemming is ingetrokken op %1</source>
        <translation>consent was withdrawn on %1</translation>
    </message>
    <message>
        <source>de toestemming voor %1 is gedateerd na vandaag (%2)</source>
        <translation>the consent for %1 is dated after today (%2)</translation>
    </message>
    <message>
        <source>de geboortedatum is onbekend: niet te bepalen wie moet tekenen</source>
        <translation>date of birth unknown: cannot determine who must sign</translation>
    </message>
    <message>
        <source>vanaf %1 jaar moet de persoon zelf de toestemming tekenen</source>
        <translation>from age %1, the person must sign the consent themselves</translation>
    </message>
    <message>
        <source>onder %1 jaar moet een ouder of voogd de toestemming tekenen</source>
        <translation>under age %1, a parent or guardian must sign the consent</translation>
    </message>
    <message>
        <source>de geboortedatum is onbekend: niet te bepalen of de persoon minderjarig is (minderjarigen gaan niet naar %1)</source>
        <translation>date of birth unknown: cannot determine whether the person is a minor (minors are not shared with %1)</translation>
    </message>
    <message>
        <source>minderjarigen gaan niet naar %1 (zie %2)</source>
        <translation>minors are not shared with %1 (see %2)</translation>
    </message>
    <message>
        <source>de rol %1 wordt niet gedeeld met %2</source>
        <translation>the role %1 is not shared with %2</translation>
    </message>
    <message>
        <source>Geen grondslag: het verstrekkingsbeleid kent geen partner %1.</source>
        <translation>No legal basis: the disclosure policy has no partner %1.</translation>
    </message>
    <message>
        <source>Geen grondslag: het verstrekkingsbeleid kent geen doel %1 voor partner %2 (wel: %3).</source>
        <translation>No legal basis: the disclosure policy has no purpose %1 for partner %2 (available: %3).</translation>
    </message>
    <message>
        <source>Partner %1 is niet geregistreerd in deze kluis: zonder de age-sleutel van de partner kan er niets worden versleuteld.</source>
        <translation>Partner %1 is not registered in this vault: without the partner&apos;s age key nothing can be encrypted.</translation>
    </message>
    <message>
        <source>Partner %1 is in deze kluis niet geregistreerd voor doel %2.</source>
        <translation>Partner %1 is not registered in this vault for purpose %2.</translation>
    </message>
    <message>
        <source>Partner %1 is geregistreerd als soort %2, maar het verstrekkingsbeleid zegt %3.</source>
        <translation>Partner %1 is registered as type %2, but the disclosure policy says %3.</translation>
    </message>
    <message>
        <source>Er is niets te verstrekken.</source>
        <translation>There is nothing to disclose.</translation>
    </message>
    <message>
        <source>Persoon %1: %2</source>
        <translation>Person %1: %2</translation>
    </message>
</context>
<context>
    <name>mk::gui::ShareRegisterView</name>
    <message>
        <source>Het pakket is geschreven en ondertekend, en de verstrekking is vastgelegd in het verstrekkingenregister. Geef de partner beide bestanden; de partner controleert de handtekening met minisign en opent het pakket met age.</source>
        <translation>The package has been written and signed, and the disclosure has been recorded in the disclosure register. Give the partner both files; the partner verifies the signature with minisign and opens the package with age.</translation>
    </message>
    <message>
        <source>Verstrekking:</source>
        <translation>Disclosure:</translation>
    </message>
    <message>
        <source>Datum:</source>
        <translation>Date:</translation>
    </message>
    <message>
        <source>Door:</source>
        <translation>By:</translation>
    </message>
    <message>
        <source>Partner:</source>
        <translation>Partner:</translation>
    </message>
    <message>
        <source>Doel:</source>
        <translation>Purpose:</translation>
    </message>
    <message>
        <source>Grondslag:</source>
        <translation>Legal basis:</translation>
    </message>
    <message>
        <source>Meegestuurd:</source>
        <translation>Included:</translation>
    </message>
    <message>
        <source>Gepseudonimiseerd:</source>
        <translation>Pseudonymised:</translation>
    </message>
    <message>
        <source>Gegeneraliseerd:</source>
        <translation>Generalised:</translation>
    </message>
    <message>
        <source>Achtergehouden:</source>
        <translation>Withheld:</translation>
    </message>
    <message>
        <source>Records:</source>
        <translation>Records:</translation>
    </message>
    <message>
        <source>SHA-256 van het pakket:</source>
        <translation>Package SHA-256:</translation>
    </message>
    <message>
        <source>Pakket:</source>
        <translation>Package:</translation>
    </message>
    <message>
        <source>Handtekening:</source>
        <translation>Signature:</translation>
    </message>
</context>
<context>
    <name>mk::gui::SignalListModel</name>
    <message>
        <source>De lijst kon niet worden geladen: %1</source>
        <translation>The list could not be loaded: %1</translation>
    </message>
    <message>
        <source>Kenmerk</source>
        <translation>Reference</translation>
    </message>
    <message>
        <source>Ontvangen</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Bron</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Vormen</source>
        <translation>Forms</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Uitkomst</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Zaak</source>
        <translation>Case</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>mk::gui::SignalsPage</name>
    <message>
        <source>Alle</source>
        <translation>All</translation>
    </message>
    <message>
        <source>Ontvangen &amp;vanaf</source>
        <translation>Received &amp;from</translation>
    </message>
    <message>
        <source>&amp;tot en met</source>
        <translation>&amp;to</translation>
    </message>
    <message>
        <source>Filters &amp;wissen</source>
        <translation>C&amp;lear filters</translation>
    </message>
    <message>
        <source>&amp;Status</source>
        <translation>&amp;Status</translation>
    </message>
    <message>
        <source>V&amp;orm</source>
        <translation>F&amp;orm</translation>
    </message>
    <message>
        <source>&amp;Nieuw signaal…</source>
        <translation>&amp;New signal…</translation>
    </message>
    <message>
        <source>&amp;Zaak openen…</source>
        <translation>Open &amp;case…</translation>
    </message>
    <message numerus="yes">
        <source>%n signalen</source>
        <translation>
            <numerusform>%n signal</numerusform>
            <numerusform>%n signals</numerusform>
        </translation>
    </message>
    <message>
        <source>Kies een signaal en druk op Enter om het hele signaal te lezen. Dat wordt vastgelegd in het auditlog.</source>
        <translation>Select a signal and press Enter to read the full signal. This is recorded in the audit log.</translation>
    </message>
    <message>
        <source>De begindatum ligt na de einddatum.</source>
        <translation>The start date is after the end date.</translation>
    </message>
    <message>
        <source>Signaal %1 is opgeslagen. %2</source>
        <translation>Signal %1 has been saved. %2</translation>
    </message>
    <message>
        <source>Zaak openen</source>
        <translation>Open case</translation>
    </message>
    <message>
        <source>Signaal %1 hoort al bij zaak %2.</source>
        <translation>Signal %1 already belongs to case %2.</translation>
    </message>
    <message numerus="yes">
        <source>Een zaak openen voor signaal %1, met de %n betrokkene(n) ervan?</source>
        <translation>
            <numerusform>Open a case for signal %1, with its %n person involved?</numerusform>
            <numerusform>Open a case for signal %1, with its %n persons involved?</numerusform>
        </translation>
    </message>
    <message>
        <source>De zaak is niet geopend: %1</source>
        <translation>The case was not opened: %1</translation>
    </message>
    <message>
        <source>Zaak %1 is geopend voor signaal %2.</source>
        <translation>Case %1 has been opened for signal %2.</translation>
    </message>
    <message>
        <source>Het signaal kon niet worden geopend: %1</source>
        <translation>The signal could not be opened: %1</translation>
    </message>
    <message>
        <source>Ontvangen</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Bron</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Uitkomst</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Vormen</source>
        <translation>Forms</translation>
    </message>
    <message>
        <source>Minderjarige</source>
        <translation>Minor</translation>
    </message>
    <message>
        <source>Omvang</source>
        <translation>Scale</translation>
    </message>
    <message>
        <source>Ernst</source>
        <translation>Severity</translation>
    </message>
    <message>
        <source>Betrokkenen</source>
        <translation>Persons involved</translation>
    </message>
    <message>
        <source>Zaken</source>
        <translation>Cases</translation>
    </message>
    <message>
        <source>Indicatoren</source>
        <translation>Indicators</translation>
    </message>
    <message>
        <source>Aard</source>
        <translation>Nature</translation>
    </message>
    <message>
        <source>Relaas</source>
        <translation>Narrative</translation>
    </message>
    <message>
        <source>Signalen</source>
        <translation>Signals</translation>
    </message>
</context>
<context>
    <name>mk::gui::UnlockWidget</name>
    <message>
        <source>Meldkluis</source>
        <translation>Meldkluis</translation>
    </message>
    <message>
        <source>De kluis is vergrendeld. Voer uw wachtwoordzin in om verder te werken.</source>
        <translation>The vault is locked. Enter your passphrase to continue.</translation>
    </message>
    <message>
        <source>Kluis: %1</source>
        <translation>Vault: %1</translation>
    </message>
    <message>
        <source>&amp;Wachtwoordzin:</source>
        <translation>&amp;Passphrase:</translation>
    </message>
    <message>
        <source>&amp;Sleutel (optioneel):</source>
        <translation>&amp;Key slot (optional):</translation>
    </message>
    <message>
        <source>bijv. fg voor de functionaris gegevensbescherming</source>
        <translation>e.g. fg for the data protection officer</translation>
    </message>
    <message>
        <source>In deze map staat nog geen kluis. Maak een nieuwe kluis aan.</source>
        <translation>There is no vault in this folder yet. Create a new vault.</translation>
    </message>
    <message>
        <source>&amp;Ontgrendelen</source>
        <translation>&amp;Unlock</translation>
    </message>
    <message>
        <source>&amp;Nieuwe kluis aanmaken…</source>
        <translation>&amp;Create a new vault…</translation>
    </message>
    <message>
        <source>Kluis openen…</source>
        <translation>Opening the vault…</translation>
    </message>
</context>
<context>
    <name>mk::gui::registers</name>
    <message>
        <source>Gelukt</source>
        <translation>Success</translation>
    </message>
    <message>
        <source>Ongeldige invoer</source>
        <translation>Invalid input</translation>
    </message>
    <message>
        <source>Niet gevonden</source>
        <translation>Not found</translation>
    </message>
    <message>
        <source>Onjuist wachtwoord</source>
        <translation>Incorrect password</translation>
    </message>
    <message>
        <source>Kluis beschadigd of gewijzigd</source>
        <translation>Vault damaged or modified</translation>
    </message>
    <message>
        <source>Kluis in gebruik</source>
        <translation>Vault in use</translation>
    </message>
    <message>
        <source>Beleidsbestand ongeldig</source>
        <translation>Invalid policy file</translation>
    </message>
    <message>
        <source>Verstrekking geweigerd</source>
        <translation>Disclosure refused</translation>
    </message>
    <message>
        <source>Niet toegestaan voor deze rol</source>
        <translation>Not allowed for this role</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>Conflict</translation>
    </message>
    <message>
        <source>Bestandsfout</source>
        <translation>File error</translation>
    </message>
    <message>
        <source>Interne fout</source>
        <translation>Internal error</translation>
    </message>
    <message>
        <source>Fout</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Melding</source>
        <translation>Signal</translation>
    </message>
    <message>
        <source>Casus</source>
        <translation>Case</translation>
    </message>
    <message>
        <source>Persoon</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Verstrekking</source>
        <translation>Disclosure</translation>
    </message>
    <message>
        <source>slachtoffer</source>
        <translation>victim</translation>
    </message>
    <message>
        <source>verdachte</source>
        <translation>suspect</translation>
    </message>
    <message>
        <source>melder</source>
        <translation>reporter</translation>
    </message>
    <message>
        <source>getuige</source>
        <translation>witness</translation>
    </message>
    <message>
        <source>overig</source>
        <translation>other</translation>
    </message>
    <message>
        <source>vernietigen</source>
        <translation>destroy</translation>
    </message>
    <message>
        <source>anonimiseren</source>
        <translation>anonymise</translation>
    </message>
    <message>
        <source>afgesloten</source>
        <translation>closed</translation>
    </message>
    <message>
        <source>laatste activiteit</source>
        <translation>last activity</translation>
    </message>
    <message>
        <source>ontvangen</source>
        <translation>received</translation>
    </message>
    <message>
        <source>coördinator</source>
        <translation>coordinator</translation>
    </message>
    <message>
        <source>compliance (FG)</source>
        <translation>compliance (DPO)</translation>
    </message>
    <message>
        <source>herstelsleutel</source>
        <translation>recovery key</translation>
    </message>
    <message>
        <source>ja</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>nee</source>
        <translation>no</translation>
    </message>
</context>
</TS>
