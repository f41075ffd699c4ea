#!/bin/bash
# Indexes a folder of pages (bench/pagefind_pages.py) with Pagefind's CLI from bench/peers (npm ci there
# first), niced, under /usr/bin/time -v, and prints the index's size and file count (not a test).
#
#   bench/pagefind_index.sh SITE [MAX_MINUTES=40] [MAX_RSS_GB=12]
#
# Pagefind is stopped (and says so) after MAX_MINUTES, or when its resident memory passes MAX_RSS_GB
# (sampled every 5 s into SITE.rss.log: seconds since start, kB), so that it cannot take the machine's
# memory from everything else. Its log and time's figures go to SITE.pagefind.log.
set -u
SITE=$(realpath "$1"); MINUTES=${2:-40}; CAP=$(( ${3:-12} * 1024 * 1024 ))
BIN=$(dirname "$(realpath "$0")")/peers/node_modules/@pagefind/linux-x64/bin/pagefind_extended
[ -x "$BIN" ] || { echo "no $BIN: npm ci in bench/peers first" >&2; exit 2; }
LOG=$SITE.pagefind.log; RSS=$SITE.rss.log
rm -rf "$SITE/pagefind"; : > "$RSS"
START=$(date +%s)
nice -n 10 /usr/bin/time -v timeout $((MINUTES * 60)) "$BIN" --site "$SITE" > "$LOG" 2>&1 &
TIME_PID=$!
while kill -0 $TIME_PID 2>/dev/null; do
  P=$(pgrep -P "$(pgrep -P $TIME_PID)" 2>/dev/null | head -1)
  R=$([ -n "$P" ] && awk '/VmRSS/{print $2}' /proc/$P/status 2>/dev/null)
  if [ -n "$R" ]; then
    echo "$(( $(date +%s) - START )) $R" >> "$RSS"
    if [ "$R" -gt $CAP ]; then echo "stopped: resident memory over $(( CAP / 1048576 )) GB after $(( $(date +%s) - START )) s" | tee -a "$RSS"; kill $P; fi
  fi
  sleep 5
done
wait $TIME_PID; RC=$?
grep -E "Indexed|Finished|Error|error|Parsing|Building" "$LOG" | sed 's/^/  /'
grep -E "Elapsed|Maximum resident|User time|System time|Command terminated|Exit status" "$LOG" | sed 's/^\s*/  /'
if [ -d "$SITE/pagefind" ]; then
  echo "  pagefind/: $(du -sb "$SITE/pagefind" | cut -f1) bytes in $(find "$SITE/pagefind" -type f | wc -l) files;" \
    "index/ $(du -sb "$SITE/pagefind/index" | cut -f1) in $(ls "$SITE/pagefind/index" | wc -l)," \
    "fragment/ $(du -sb "$SITE/pagefind/fragment" | cut -f1) in $(ls "$SITE/pagefind/fragment" | wc -l)," \
    "filter/ $(du -sb "$SITE/pagefind/filter" | cut -f1) in $(ls "$SITE/pagefind/filter" | wc -l)"
fi
exit $RC
