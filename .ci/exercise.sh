# Shared by .ci/wheel and .ci/frozen (sourced, not run): prove one installed artefact of comite
# the way a user drives it, from a folder outside the checkout, with its own COMITE_HOME.
#
#   exercise COMITE_COMMAND WORKDIR
#
# selfcheck, demo, sessions, acta (+ verify-acta on the final acta), resolutions, selfcheck --db;
# then fail if the application's log holds any WARNING, ERROR or CRITICAL line.

fail() { echo "FALLA: $*" >&2; exit 1; }

exercise() {
  local comite=$1 work=$2
  local here="$work/otra-carpeta" db="$work/demo.sqlite3"
  mkdir -p "$here"
  cd "$here"
  export COMITE_HOME="$work/home" QT_QPA_PLATFORM=offscreen
  unset COMITE_DATABASE_URL COMITE_PASSWORD

  "$comite" selfcheck || fail "selfcheck"
  "$comite" --db "$db" demo --sessions 24 --cases 300 > demo.txt || { cat demo.txt; fail "demo"; }
  tail -n 4 demo.txt
  COMITE_PASSWORD=$(sed -n 's/.*usuario: admin .*contraseña: \([^ ]*\)$/\1/p' demo.txt)
  [ -n "$COMITE_PASSWORD" ] || fail "el demo no imprimió la cuenta admin"
  export COMITE_PASSWORD
  "$comite" --db "$db" --user admin sessions > sesiones.txt || fail "sessions"

  # acta: the newest approved session whose final acta the demo issued, then verify-acta on it
  ACTA_SESSION=""
  for sid in $(awk '/Acta aprobada/ {print $1}' sesiones.txt); do
    out=$("$comite" --db "$db" --user admin acta "$sid" --out acta.pdf) || fail "acta $sid"
    case $out in "Acta final"*) ACTA_SESSION=$sid; echo "$out"; break ;; esac
  done
  [ -n "$ACTA_SESSION" ] || fail "ninguna sesión aprobada tiene acta final"
  head -c 5 acta.pdf | grep -q '%PDF' || fail "acta.pdf no es un PDF"
  "$comite" --db "$db" verify-acta acta.pdf || fail "verify-acta"

  # resolutions: the approved session with most cases among those that resolve (not the GVP)
  local res_sid
  res_sid=$(awk '$2 != "GVP" && /Acta aprobada/ && $(NF-1) > 0 {print $(NF-1), $1}' sesiones.txt \
            | sort -rn | awk '{print $2; exit}')
  [ -n "$res_sid" ] || fail "no hay una sesión aprobada con casos fuera del GVP en el demo"
  "$comite" --db "$db" --user admin resolutions "$res_sid" --out resoluciones || fail "resolutions"
  local count
  count=$(find resoluciones -name '*.docx' | wc -l)
  [ "$count" -gt 0 ] || fail "resolutions no escribió ningún .docx"

  "$comite" --db "$db" selfcheck > selfcheck-db.txt || { cat selfcheck-db.txt; fail "selfcheck --db"; }
  grep "Base de datos" selfcheck-db.txt
}

log_is_clean() {
  local log="$1/home/logs/comite.log"
  [ -f "$log" ] || fail "no hay registro en $log"
  if grep -nE ' (WARNING|ERROR|CRITICAL) ' "$log"; then
    fail "el registro tiene advertencias o errores (arriba)"
  fi
  echo "registro sin advertencias: $log"
}

clean_export() {  # clean_export DEST: the committed tree (no venv, no egg-info, no build leftovers)
  local root
  root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
  mkdir -p "$1"
  git -C "$root" archive --format=tar HEAD | tar -x -C "$1"
}
