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
  "open func bulk(operation: BulkOperation, users: [AdaptyUser], options: BulkOptions? = nil, listener: BulkProgressListener? = nil)async throws  -> BulkReport"
  "open func createProfile(user: AdaptyUser, profile: ProfileRequest)async throws  -> Profile"
  "open func createVirtualCurrencyTransaction(user: AdaptyUser, request: VirtualCurrencyTransactionRequest)async throws  -> VirtualCurrencyTransactionResult"
  "open func deleteProfile(user: AdaptyUser)async throws"
  "open func exportAnalytics(request: AnalyticsExportRequest)async throws  -> MetricsExport"
  "open func exportCohort(request: CohortExportRequest)async throws  -> MetricsExport"
  "open func exportConversion(request: ConversionExportRequest)async throws  -> MetricsExport"
  "open func exportFunnel(request: FunnelExportRequest)async throws  -> MetricsExport"
  "open func exportLtv(request: LtvExportRequest)async throws  -> MetricsExport"
  "open func exportPlacements(request: PlacementsExportRequest)async throws  -> PlacementExport"
  "open func exportRetention(request: RetentionExportRequest)async throws  -> MetricsExport"
  "open func getIntegrationIdentifiers(user: AdaptyUser)async throws  -> IntegrationIdentifiers"
  "open func getPaywall(paywallId: String)async throws  -> Paywall"
  "open func getProfile(user: AdaptyUser)async throws  -> Profile"
  "open func getRefundSaverSettings(user: AdaptyUser)async throws  -> RefundSaverSettings"
  "open func getWebPaywall(request: WebPaywallRequest)async throws  -> WebPaywall"
  "open func grantAccessLevel(user: AdaptyUser, request: GrantAccessLevelRequest)async throws  -> Profile"
  "open func listPaywalls(page: UInt32? = nil, pageSize: UInt32? = nil)async throws  -> PaywallList"
  "open func listVirtualCurrencyBalances(user: AdaptyUser)async throws  -> VirtualCurrencyBalances"
  "open func listVirtualCurrencyTransactions(user: AdaptyUser, query: VirtualCurrencyHistoryQuery? = nil)async throws  -> VirtualCurrencyHistory"
  "open func recordWebPaywallVisit(visit: WebPaywallVisit)async throws"
  "open func revokeAccessLevel(user: AdaptyUser, request: RevokeAccessLevelRequest)async throws  -> Profile"
  "open func setIntegrationIdentifiers(user: AdaptyUser, identifiers: IntegrationIdentifiers)async throws"
  "open func setRefundSaverSettings(user: AdaptyUser, request: SetRefundSaverSettingsRequest)async throws  -> RefundSaverSettings"
  "open func setTransaction(user: AdaptyUser, transaction: Transaction)async throws  -> Profile"
  "open func setWebAttribution(request: WebAttributionRequest)async throws"
  "open func updatePaywall(paywallId: String, request: UpdatePaywallRequest)async throws  -> Paywall"
  "open func updateProfile(user: AdaptyUser, profile: ProfileRequest)async throws  -> Profile"
  "open func validatePaddlePurchase(request: ValidatePaddlePurchaseRequest)async throws  -> Profile"
  "open func validateStripePurchase(request: ValidateStripePurchaseRequest)async throws"
  "public convenience init(secretKey: String? = nil, publicKey: String? = nil, options: AdaptyClientOptions? = nil, transport: HttpTransport? = nil)throws"
  "open class AdaptyClient"
  "open class AdaptyWebhookReceiver"
  "open func receive(headers: [HttpHeader], body: Data)throws  -> WebhookDelivery"
  "public protocol BulkProgressListener: AnyObject, Sendable"
  "public protocol HttpTransport: AnyObject, Sendable"
  "public protocol TicketProgressListener: AnyObject, Sendable"
  "enum AdkitError: Swift.Error"
)
missing=0
for line in "${expect[@]}"; do
  if grep -qF -- "$line" "$swift"; then echo "ok   swift: $line"; else echo "FAIL swift: missing: $line"; missing=$((missing + 1)); fi
done
grep -qF "public struct CreateAppRequest" "$dir/adkit.swift" && grep -qF "public struct Profile" "$dir/adkit.swift" || { echo "FAIL swift: records"; missing=$((missing + 1)); }
echo "swift: $(( ${#expect[@]} + 1 - missing )) passed, $missing failed (no Swift compiler here: generated and header-checked only)"
[ "$missing" -eq 0 ]
