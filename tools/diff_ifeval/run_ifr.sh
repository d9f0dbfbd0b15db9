#!/bin/sh
# usage: run_ifr.sh rows.jsonl prefix
B=${IFREWARD:-build/ifreward}
/usr/bin/python3 -c "
import json,sys
with open(sys.argv[1]) as f, open(sys.argv[2],'w') as o:
  for l in f:
    r=json.loads(l); o.write(json.dumps({'instruction_id_list':r['instruction_id_list'],'kwargs':r['kwargs'],'response':r['response']})+'\n')
" "$1" "$2.in"
$B score "$2.in" > "$2.ifs"
$B score --loose "$2.in" > "$2.ifl"
