#!/usr/bin/env bash
# Writes the seed corpus of every fuzz target into fuzz/corpus/<target>/ (files named by content hash,
# so running it again adds nothing new). Response bodies come from the golden tests
# (core/tests/*_golden.rs: every raw string literal that starts with `{` or `[`) and the webhook unit
# test's event; the other seeds are written out below. Needs bash, perl and sha1sum.
#
# Input layouts (see each target's header comment):
#   response targets (adjust_responses, adapty_profile, adapty_exports, admitad_pages):
#                     [status selector][header flags] body      — seeds use \0\0 (HTTP 200, no headers)
#   adapty_webhooks:  [mode] body                                — 0x05: production value configured and sent
#   admitad_token:    [status selector][layout] tail
#   admitad_oauth:    [mode] text                                — 0 signed_request, 1 payload JSON, 3 callback
#   weburl:           base URL \n reference \n segments or k=v lines
#   request_build:    arbitrary::Unstructured bytes              — [endpoint index] then zeros: valid values
set -euo pipefail
cd "$(dirname "$0")"
CORE=../core

put() { # target, then the seed bytes on stdin
  local dir=corpus/$1 tmp
  mkdir -p "$dir"
  tmp=$(mktemp)
  cat > "$tmp"
  mv "$tmp" "$dir/$(sha1sum < "$tmp" | cut -c1-40)"
}

# Raw string literals (r#"..."#) of a Rust file that start with { or [, one per NUL-terminated record.
literals() {
  perl -0777 -ne 'while (/r#"(.*?)"#/sg) { my $s = $1; print "$s\0" if $s =~ /^\s*[\{\[]/ }' "$1"
}

# prefix-bytes target file: every literal of file, prefixed, into target.
seed_from() {
  local prefix=$1 target=$2 file=$3 body
  while IFS= read -r -d '' body; do
    { printf "$prefix"; printf '%s' "$body"; } | put "$target"
  done < <(literals "$file")
}

seed_from '\0\0' adjust_responses "$CORE/tests/adjust_golden.rs"
seed_from '\0\0' adapty_profile "$CORE/tests/adapty_golden.rs"
seed_from '\0\0' adapty_exports "$CORE/tests/adapty_golden.rs"
seed_from '\0\0' admitad_pages "$CORE/tests/admitad_golden.rs"
seed_from '\005' adapty_webhooks "$CORE/src/adapty/webhooks.rs"
seed_from '\025' adapty_webhooks "$CORE/src/adapty/webhooks.rs"

# Error bodies every vendor sends, at their statuses (selector 3 = 400, 4 = 401, 6 = 404, 12 = 503).
printf '\4\0{"detail":"Invalid token."}' | put adjust_responses
printf '\6\1{"errors":[{"source":null,"errors":["Profile not found"]}],"error_code":"profile_does_not_exist","status_code":404}' | put adapty_profile
printf '\3\0{"errors":{"f":["m"]},"error_code":1}' | put adapty_profile
printf '\4\040{"error_description": "Token doesn'"'"'t exist", "error_code": 1, "error": "invalid_token"}' | put admitad_pages
printf '\3\0{"script": ["This field is required."], "level": ["Unknown level."]}' | put admitad_pages
printf '\14\0' | put admitad_pages
printf '\0\200{"results":[{"id":"1"}],"_meta":{"count":"18446744073709551615","limit":1,"offset":18446744073709551614}}' | put admitad_pages
printf '\0\0[{"id":"25","name":"Site","status":"active","kind":"website","site_url":"https://s.example/"}]' | put admitad_pages

# CSV exports (flag 8: Content-Type text/csv).
printf '\0\10developer_id,placement_name,audience_name,segment_name,cross_placement_ab_test_name,ab_test_name,paywall_name\r\nmain,Main,All users,All users,,,"Paywall, A"\r\n' | put adapty_exports
printf '\0\10\357\273\277placement_name,developer_id,audience_id\nMain,main,aud-1\nshort\n' | put adapty_exports
printf '\0\20{"data":[{"developer_id":"main","placement_name":"Main","paywall_name":"Paywall, A"}]}' | put adapty_exports

# Webhooks: the handshake, an event, a wrong value (mode 0x0d: production configured, fuzzed value sent).
printf '\5{}' | put adapty_webhooks
printf '\5' | put adapty_webhooks
printf '\15Bearer nope\n{"event_type":"trial_started","profile_id":"p","event_properties":{"profile_event_id":"e-1","price_usd":"1.5","paywall_revision":2}}' | put adapty_webhooks

# Token responses with the target's known tokens (layout 0: tokens first, 1: $A/$R placeholders, 2: last).
printf '\0\0"token_type":"bearer","expires_in":604800,"scope":"advcampaigns banners websites","username":"webmaster1","id":1}' | put admitad_token
printf '\0\1{"username":"webmaster1","access_token":"$A","token_type":"bearer","expires_in":"604800","refresh_token":"$R","scope":"advcampaigns banners websites","group":"webmaster"}' | put admitad_token
printf '\0\2"username":"webmaster1","expires_in":604800,"token_type":"bearer"' | put admitad_token
printf '\3\0"error":"invalid_grant","error_description":"refresh token is invalid"}' | put admitad_token

# signed_request payloads and callbacks.
printf '\1{"username":"webmaster1","id":1,"first_name":"F","last_name":"L","algorithm":"HMAC-SHA256","language":"ru","access_token":"a","refresh_token":"r","expires_in":604800}' | put admitad_oauth
printf '\5{"username":"u","algorithm":"HMAC-SHA256","id":"7","expires_in":"3600","access_token":"at-long-value"}' | put admitad_oauth
printf '\0%s.eyJ1c2VybmFtZSI6InUiLCJhbGdvcml0aG0iOiJITUFDLVNIQTI1NiJ9' "$(printf '0%.0s' {1..64})" | put admitad_oauth
printf '\3https://example.com/cb?state=$S&code=c75ebf64ad48a352630b6d953ce365' | put admitad_oauth
printf '\3?state=$S&error=invalid_client&error_description=client_id+x+doesn%%27t+exist#frag' | put admitad_oauth

# URLs: base, reference, then segments and query pairs.
printf 'https://settings.adjust.com/api/\n../app/x?y=1\napp\na b/c\nstore_id=a b&c' | put weburl
printf 'http://[::1]:8080/a/./b/../c?q#f\n//other.test/p\n' | put weburl
printf 'HTTPS://Api.Admitad.com\n?q=1\nx%%2e%%2e\n' | put weburl
printf 'http://127.0.0.1:9/\nhttps://evil.example:443/\n' | put weburl

# Request builds: one seed per endpoint, all fields at their first valid value.
for i in $(seq 0 31); do
  { printf "\\$(printf '%03o' "$i")"; head -c 96 /dev/zero; } | put request_build
done
