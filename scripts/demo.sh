#!/usr/bin/env bash
# The README's run command: installs what Meldkluis needs, builds it, creates a demo vault with
# synthetic (invented) but realistic records in a temporary folder, and walks through a short tour
# of what a coordinator and a compliance officer do with it.
#   scripts/demo.sh            the tour
#   KEEP=1 scripts/demo.sh     keep the demo vault afterwards (its folder is printed)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

scripts/setup.sh
build="${BUILD_DIR:-build}"  # the same folder scripts/test.sh builds in
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE="${BUILD_TYPE:-Release}" >/dev/null
cmake --build "$build" -j "$(nproc)" --target meldkluis meldkluis-gui >/dev/null
mk="$root/$build/cli/meldkluis"

work=$(mktemp -d -t meldkluis-demo-XXXXXX)
if [ "${KEEP:-0}" != 1 ]; then trap 'rm -rf "$work"' EXIT; fi
umask 077
export MELDKLUIS_VAULT="$work/vault"
printf 'Rijswijk meldpunt 2026!\n' >"$work/coordinator.pass"
printf 'Functionaris Gegevensbescherming\n' >"$work/fg.pass"

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
# Prints a command as the user would type it (temporary paths shortened), then runs it.
show() {
  local shown
  shown=$(printf ' %q' "$@")
  printf '\033[2m$ meldkluis%s\033[0m\n' "${shown//$work\//}"
  "$mk" "$@" 2>&1 | sed "s|$work/||g"
}
as_coordinator() { "$mk" --passphrase-file "$work/coordinator.pass" "$@"; }
run_coordinator() { show --passphrase-file "$work/coordinator.pass" "$@" || true; }

step "1. Een kluis aanmaken / Creating a vault (Argon2id calibrated to ~0.5-1 s per unlock)"
show init --passphrase-file "$work/coordinator.pass" --recovery-key-out "$work/recovery-key.txt"
echo "(recovery key written to a 0600 file instead of the screen: $(wc -c <"$work/recovery-key.txt") bytes)"

step "2. Personen registreren / Registering persons (identity via stdin, never as arguments)"
add_person() {  # role json
  printf '%s' "$2" | as_coordinator person add --role "$1" --fields-json - 2>/dev/null
}
ioana=$(add_person victim '{"name":"Ioana Popescu","date_of_birth":"2001-11-23","nationality":"Roemeense","bsn":"390996038","document_number":"054127893","address":"Steenvoordelaan 88, 2284 CZ Rijswijk","phone":"+40 723 418 552"}')
andrei=$(add_person victim '{"name":"Andrei Munteanu","date_of_birth":"1996-04-02","nationality":"Roemeense","document_number":"RO5512093","address":"Herenstraat 12, 2282 BX Rijswijk"}')
piotr=$(add_person suspect '{"name":"Piotr Nowak","date_of_birth":"1979-05-30","nationality":"Poolse","bsn":"948219932","address":"Laan van Hoornwijck 31, 2289 DG Rijswijk","phone":"+48 512 090 331"}')
daan=$(add_person reporter '{"name":"Daan Jansen","date_of_birth":"1968-09-14","nationality":"Nederlandse","phone":"070 390 1122"}')
fatima=$(add_person victim '{"name":"Fatima el Amrani","date_of_birth":"2009-04-01","nationality":"Nederlandse","bsn":"786579754","address":"Burgemeester Elsenlaan 140, 2282 MZ Rijswijk"}')
mehmet=$(add_person suspect '{"name":"Mehmet Yılmaz","date_of_birth":"1987-02-03","nationality":"Turkse","bsn":"131860914"}')
echo "victims $ioana $andrei $fatima, suspects $piotr $mehmet, reporter $daan"

step "3. Meldingen registreren / Registering signals (narratives from files, never arguments)"
cat >"$work/melding-1.txt" <<'EOF'
Wijkteam Oost meldt dat in een bovenwoning aan de Herenstraat ten minste zes Roemeense mannen
verblijven. Zij werken via een uitzendbureau in de kassen in het Westland, leveren hun loon in bij
een 'teamleider' en mogen hun paspoort niet zelf bewaren.
EOF
s1=$(as_coordinator signal add --received 2026-02-16 --source internal_team --team "Wijkteam Oost" \
  --reporter "$daan" --narrative-file "$work/melding-1.txt" --form labour \
  --indicator labour.housing_dependent --indicator exploitation.passport_withheld \
  --indicator exploitation.earnings_surrendered --minor no --scale multiple --severity high \
  --person "$ioana" --person "$andrei" --person "$piotr" 2>/dev/null)
cat >"$work/melding-2.txt" <<'EOF'
Anonieme tip via Meld Misdaad Anoniem: in een massagesalon aan de Haagweg werken 's nachts jonge
vrouwen die geen Nederlands of Engels spreken en het pand niet alleen verlaten.
EOF
s2=$(as_coordinator signal add --received 2026-03-04 --source anonymous --form sexual \
  --indicator exploitation.restricted_movement --minor unknown \
  --narrative-file "$work/melding-2.txt" 2>/dev/null)
cat >"$work/melding-3.txt" <<'EOF'
Leerplichtambtenaar: een leerling van 16 verzuimt structureel, heeft opvallend dure spullen en
vertelt dat zij 's avonds 'pakketjes rondbrengt' voor een oudere vriend die haar schulden betaalt.
EOF
s3=$(as_coordinator signal add --received 2026-05-19 --source internal_team --team "Leerplicht" \
  --form criminal --indicator coercion.imposed_debts --indicator exploitation.works_for_third_party \
  --minor yes --severity acute --person "$fatima" --person "$mehmet" \
  --narrative-file "$work/melding-3.txt" 2>/dev/null)
s4=$(as_coordinator signal add --received 2025-10-07 --source resident --form labour \
  --indicator labour.long_hours --minor no --severity low 2>/dev/null)
as_coordinator signal close "$s4" --outcome no_suspicion --date 2025-11-20 2>/dev/null
echo "signals $s1 $s2 $s3 $s4 (the last one a 2025 registration, closed without suspicion)"
run_coordinator signal list
run_coordinator signal show "$s1"

step "4. Een persoon terugvinden / Finding a person again (blind index, no full decryption)"
run_coordinator person find --name "POPESCU, Ioana" --dob 2001-11-23
run_coordinator person find --bsn "1318.60.914"

step "5. Een casus openen / Opening a case"
printf 'Vermoedelijke arbeidsuitbuiting in de kassen; SHOP en Arbeidsinspectie betrekken.\n' \
  >"$work/casus.txt"
c1=$(as_coordinator case open --opened 2026-02-20 --signal "$s1" --person "$ioana" \
  --person "$andrei" --person "$piotr" --summary-file "$work/casus.txt" 2>/dev/null)
run_coordinator case show "$c1"
echo "--- the Meldcode, one decision at a time, and help requests against norm times:"
printf 'Signalen van Wijkteam Oost en de Arbeidsinspectie op een rij gezet.\n' |
  as_coordinator case decide "$c1" --step 1 --answer done --rationale-file - >/dev/null 2>&1 || true
as_coordinator case decide "$c1" --question 1 --answer yes >/dev/null 2>&1 || true
as_coordinator help add "$c1" --kind shelter --team "Team Opvang" --person "$ioana" \
  --requested 2026-02-20 >/dev/null 2>&1 || true
as_coordinator help add "$c1" --kind brp_registration --team "Burgerzaken" --person "$andrei" \
  --requested 2026-11-20 >/dev/null 2>&1 || true
run_coordinator case meldcode "$c1"
run_coordinator help list --case "$c1"

step "6. De compliance officer / The compliance officer (own key slot: metadata, no identities)"
show --passphrase-file "$work/coordinator.pass" keyslot add fg --role compliance \
  --new-passphrase-file "$work/fg.pass"
show --passphrase-file "$work/fg.pass" --slot fg person list || true
echo "--- the compliance officer asks for a name:"
set +e
"$mk" --passphrase-file "$work/fg.pass" --slot fg person show "$ioana"
echo "(exit code $?: forbidden for this role; the slot does not hold the key that could decrypt it)"
set -e
run_coordinator keyslot list

step "7. Het auditlog / The audit log (every change and every read of an identity, tamper-evident)"
show --passphrase-file "$work/fg.pass" --slot fg audit log --limit 12 || true
show --passphrase-file "$work/fg.pass" --slot fg audit checkpoint --out "$work/kept-checkpoint.txt"
show --passphrase-file "$work/fg.pass" --slot fg audit verify --checkpoint "$work/kept-checkpoint.txt"
show --passphrase-file "$work/fg.pass" --slot fg audit export --out "$work/audit-export"
echo "--- an independent check of the export (Python standard library + PyNaCl, not our code):"
/usr/bin/python3 "$root/tests/audit/verify_export.py" "$work/audit-export" 2>&1 | tail -n 1
echo "--- the compliance officer as witness: an own key outside the vault cosigns only a log that grew:"
"$mk" witness keygen --out "$work/fg-witness.key" --name fg.voorbeeldstad.nl/witness \
  >"$work/fg-witness.pub" 2>/dev/null
echo "witness verifier key: $(cat "$work/fg-witness.pub")"
show --passphrase-file "$work/fg.pass" --slot fg witness cosign \
  --checkpoint "$work/kept-checkpoint.txt" --key "$work/fg-witness.key"
show --passphrase-file "$work/fg.pass" --slot fg audit verify | grep -E "Uitkomst|Getuige" || true
echo "--- the cosigned checkpoint, checked by an independent script against both keys (PyNaCl):"
"$mk" --passphrase-file "$work/fg.pass" --slot fg audit export --out "$work/audit-export-2" >/dev/null 2>&1
/usr/bin/python3 "$root/tests/audit/verify_cosigned.py" "$work/kept-checkpoint.cosigned.txt" \
  --log-key "$work/audit-export-2/log-key.txt" --witness-key "$work/fg-witness.pub" 2>&1 | tail -n 1

step "8. Delen met SHOP / Sharing with a partner (policy, preview, signed age package)"
age-keygen -o "$work/shop-sleutel.txt" 2>/dev/null
shop_key=$(grep -o 'age1[a-z0-9]*' "$work/shop-sleutel.txt" | head -n 1)
run_coordinator partner add shop --name "SHOP Den Haag" --kind care_coordination \
  --contact "Zorgcoordinatie, 070 000 0000" --recipient "$shop_key" --purpose care_referral
run_coordinator share preview --partner shop --purpose care_referral --case "$c1"
run_coordinator share export --partner shop --purpose care_referral --case "$c1" \
  --out "$work/pakket-shop.age"
run_coordinator signing-key export --out "$work/gemeente.pub"
echo "--- at SHOP, with the standard tools (not ours):"
printf '\033[2m$ minisign -Vm pakket-shop.age -p gemeente.pub\033[0m\n'
minisign -Vm "$work/pakket-shop.age" -p "$work/gemeente.pub" 2>&1 | sed "s|$work/||g"
printf '\033[2m$ age -d -i shop-sleutel.txt pakket-shop.age | tar -tv\033[0m\n'
age -d -i "$work/shop-sleutel.txt" "$work/pakket-shop.age" | tar -tv
echo "--- the partner refers back by pseudonym; only the vault can resolve it:"
pseudonym=$(age -d -i "$work/shop-sleutel.txt" "$work/pakket-shop.age" | tar -xO records.json |
  grep -o '"pseudonym": *"[0-9A-Z-]*"' | head -n 1 | grep -o '[0-9A-Z]\{4\}-[0-9A-Z]\{4\}-[0-9A-Z*~$=U]')
run_coordinator pseudonym resolve --partner shop "$pseudonym"
echo "--- CoMensha needs the victim's written consent; without it the export is refused:"
age-keygen -o "$work/comensha-sleutel.txt" 2>/dev/null
run_coordinator partner add comensha --name "CoMensha" --kind registration \
  --contact "Registratie, 033 000 0000" --purpose registration \
  --recipient "$(grep -o 'age1[a-z0-9]*' "$work/comensha-sleutel.txt" | head -n 1)"
run_coordinator share preview --partner comensha --purpose registration --person "$ioana" |
  tail -n 3
run_coordinator consent add "$ioana" --partner comensha --purpose registration --signer self \
  --date 2026-11-27
run_coordinator share preview --partner comensha --purpose registration --person "$ioana" |
  tail -n 9
show --passphrase-file "$work/fg.pass" --slot fg disclosures list || true

step "9. Bewaartermijnen / Retention (policies/retention.json; legal hold; crypto-shredding)"
s0=$(as_coordinator signal add --received 2019-02-25 --source partner --team "Politie Haaglanden" \
  --form sexual --indicator exploitation.restricted_movement --minor no 2>/dev/null)
as_coordinator signal close "$s0" --outcome case_opened --date 2019-03-11 2>/dev/null
c0=$(as_coordinator case open --opened 2019-03-11 --signal "$s0" 2>/dev/null)
as_coordinator case close "$c0" --date 2019-09-30 2>/dev/null
echo "(a case closed in 2019 and the 2025 signal closed without suspicion are now due)"
run_coordinator retention plan
run_coordinator retention plan --as-of 2030-01-01
run_coordinator --reason "Lopend onderzoek OM, verzoek 2026-11" case hold "$c0"
run_coordinator retention sweep --yes
run_coordinator case holds

step "10. Beleid en verwerkingsregister / Policy review and the AVG art. 30 register"
cp -r "$root/policies" "$work/beleid-nieuw"
# An edit a municipality might make: SHOP may now also receive victims' document numbers.
/usr/bin/python3 - "$work/beleid-nieuw/sharing.json" <<'PY'
import json, sys
path = sys.argv[1]
policy = json.load(open(path, encoding="utf-8"))
for partner in policy["partners"]:
    if partner["id"] == "shop":
        for role in partner["purposes"][0]["roles"]:
            if role["role"] == "victim":
                role["withhold"].remove("document_number")
                role["include"].append("document_number")
json.dump(policy, open(path, "w", encoding="utf-8"), ensure_ascii=False, indent=2)
PY
show policy diff "$root/policies" "$work/beleid-nieuw" || true
echo "--- the first session under the new folder records the change in the audit log:"
"$mk" --passphrase-file "$work/fg.pass" --slot fg --policy-dir "$work/beleid-nieuw" audit verify >/dev/null
show --passphrase-file "$work/fg.pass" --slot fg policy history || true
echo "(the last line: this very session ran under the shipped folder again, and says so)"
show register --out "$work/verwerkingsregister.pdf"
show register --out "$work/verwerkingsregister.json"

step "11. Wat er op schijf staat / What is on disk"
ls -l "$MELDKLUIS_VAULT"
echo "--- sqlite3 on the database:"
sqlite3 "$MELDKLUIS_VAULT/vault.db" "SELECT * FROM persons" 2>&1 || true
for canary in "Ioana Popescu" "Herenstraat" "390996038" "massagesalon"; do
  if grep -rqaF "$canary" "$MELDKLUIS_VAULT"; then
    echo "LEAK: '$canary' found in the vault folder" && exit 1
  fi
  echo "'$canary' appears in no file of the vault folder"
done

# SCREENSHOTS=DIR: render every screen of the app on this demo vault (docs/screenshots/ is made so).
if [ -n "${SCREENSHOTS:-}" ]; then
  step "12. Schermafbeeldingen / Screenshots into $SCREENSHOTS"
  gui="$root/$build/gui/meldkluis-gui"
  "$gui" --vault "$MELDKLUIS_VAULT" --screenshots "$SCREENSHOTS" \
    --passphrase-file "$work/coordinator.pass"
  "$gui" --vault "$MELDKLUIS_VAULT" --screenshots "$SCREENSHOTS/compliance" \
    --passphrase-file "$work/fg.pass" --slot fg
fi

# With a display, the tour ends in the app on the demo vault (NO_GUI=1 skips it).
if [ -z "${SCREENSHOTS:-}" ] && [ "${NO_GUI:-0}" != 1 ] && [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  step "12. De app / The desktop app (meldkluis-gui) on the demo vault"
  echo "Passphrase: $(cat "$work/coordinator.pass")   (compliance officer: slot fg, $(cat "$work/fg.pass"))"
  "$root/$build/gui/meldkluis-gui" --vault "$MELDKLUIS_VAULT" || true
fi

step "Klaar / Done"
if [ "${KEEP:-0}" = 1 ]; then
  echo "The demo vault stays in $MELDKLUIS_VAULT (passphrase in $work/coordinator.pass)."
  echo "Try: MELDKLUIS_VAULT=$MELDKLUIS_VAULT $mk signal list"
else
  echo "The demo vault is removed again; run KEEP=1 scripts/demo.sh to keep it and look around."
fi
