#!/usr/bin/env bash
# Swift: no Swift compiler exists for this machine kind, so the Swift surface is checked as far as it
# can be here: the C headers compile (gcc -fsyntax-only) and every public operation is present in the
# generated Swift with the expected signature. Usage: check.sh <generated swift dir>
set -euo pipefail
dir=$1
for h in "$dir"/*.h; do
  gcc -fsyntax-only -D_Nullable= -D_Nonnull= -x c "$h"
done
swift="$dir/adkit_uniffi.swift"
expect=(
  "open class AdjustClient"
  "public convenience init(apiToken: String, signatureToken: String? = nil, options: AdjustClientOptions? = nil, transport: HttpTransport? = nil)throws"
  "open func createApp(request: CreateAppRequest)async throws  -> CreateAppResponse"
  "open func getApp(appToken: String)async throws  -> AppDetails"
  "open func findApp(storeId: String, platform: Platform)async throws  -> AppDetails"
  "open func createCampaign(request: CreateCampaignRequest)async throws  -> CampaignUrls"
  "open func getSignature(bundleId: String)async throws  -> SignatureLibraries"
  "open func listChannels(appToken: String)async throws  -> ChannelList"
  "open func getTicketStatus(ticketToken: String)async throws  -> TicketStatus"
  "open func updateApp(request: UpdateAppRequest)async throws  -> UpdateAppResponse"
  "open func generateSignature(request: GenerateSignatureRequest)async throws  -> GenerateSignatureResponse"
  "open func waitForTicket(ticketToken: String, options: WaitOptions? = nil, listener: TicketProgressListener? = nil)async throws  -> TicketStatus"
  "public protocol HttpTransport: AnyObject, Sendable"
  "public protocol TicketProgressListener: AnyObject, Sendable"
  "enum AdkitError: Swift.Error"
)
missing=0
for line in "${expect[@]}"; do
  if grep -qF -- "$line" "$swift"; then echo "ok   swift: $line"; else echo "FAIL swift: missing: $line"; missing=$((missing + 1)); fi
done
grep -qF "public struct CreateAppRequest" "$dir/adkit.swift" || { echo "FAIL swift: records"; missing=$((missing + 1)); }
echo "swift: $(( ${#expect[@]} + 1 - missing )) passed, $missing failed (no Swift compiler here: generated and header-checked only)"
[ "$missing" -eq 0 ]
