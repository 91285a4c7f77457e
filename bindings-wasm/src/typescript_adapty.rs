//! TypeScript declarations of the Adapty objects (camelCase; vendor JSON and user maps keep their keys).

use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS_ADAPTY: &'static str = r#"
export interface AdaptyClientOptions {
  /** The secret key (`secret_live_…`): servers only. Refused in a browser unless `allowSecretKeyInBrowser`. */
  secretKey?: string;
  /** The public key (`public_live_…`): the Web API; safe in pages and apps. */
  publicKey?: string;
  /** Root of the server-side, Stripe and Web APIs (default https://api.adapty.io/; the sandbox serves all). */
  baseUrl?: string;
  /** Root of the export API (default https://api-admin.adapty.io/, or `baseUrl` when only that is given). */
  exportBaseUrl?: string;
  fetch?: (input: string, init?: RequestInit) => Promise<Response>;
  /** Per-attempt timeout in ms: a whole number 1..2147483647 (default 30000). */
  timeoutMs?: number;
  /** Retries after the first attempt: a whole number 0..4294967295 (default 2). */
  maxRetries?: number;
  /** Allow `secretKey` in a browser page or worker (anyone loading the page can read it). */
  allowSecretKeyInBrowser?: boolean;
}
/** Who an operation is about: one id (both only for createProfile, which links them). */
export interface AdaptyUser { profileId?: string; customerUserId?: string; platform?: AdaptyPlatform }
export type AdaptyPlatform = "iOS" | "macOS" | "iPadOS" | "visionOS" | "Android" | "web" | (string & {});
export type AttributeValue = string | number | null;
export interface CustomAttribute { key: string; value: AttributeValue }
export interface InstallationMeta {
  deviceId: string; device?: string; locale?: string; os?: string; platform?: AdaptyPlatform; timezone?: string;
  userAgent?: string; appBuild?: string; appVersion?: string; adaptySdkVersion?: string; idfa?: string; idfv?: string;
  advertisingId?: string; androidId?: string; androidAppSetId?: string;
}
export interface ProfileRequest {
  firstName?: string; lastName?: string; gender?: "f" | "m" | "o"; email?: string; phoneNumber?: string;
  /** YYYY-MM-DD */ birthday?: string; ipCountry?: string; ipV4Address?: string; storeCountry?: string; store?: string;
  storeAccountToken?: string; attStatus?: 0 | 1 | 2 | 3; analyticsDisabled?: boolean;
  customAttributes?: CustomAttribute[]; installationMeta?: InstallationMeta;
}
export interface Offer { category: string; type: string; id?: string | null }
export interface Price { country: string; currency: string; value: number }
/** Date-times are RFC 3339 strings, normalised from every form Adapty sends. */
export interface AccessLevel {
  accessLevelId: string; store: string; storeProductId: string; storeBasePlanId: string | null;
  storeTransactionId: string; storeOriginalTransactionId: string; offer: Offer | null; environment: string | null;
  startsAt: string | null; purchasedAt: string | null; originallyPurchasedAt: string | null; expiresAt: string | null;
  renewalCancelledAt: string | null; billingIssueDetectedAt: string | null; isInGracePeriod: boolean;
  cancellationReason: string | null;
}
export interface Subscription extends Omit<AccessLevel, "accessLevelId" | "startsAt"> {}
export interface NonSubscription {
  purchaseId: string; store: string; storeProductId: string; storeBasePlanId: string | null; storeTransactionId: string;
  storeOriginalTransactionId: string; purchasedAt: string | null; environment: string | null; isRefund: boolean;
  isConsumable: boolean;
}
export interface Profile extends Reply {
  appId: string; profileId: string; customerUserId: string | null; totalRevenueUsd: number; segmentHash: string;
  /** Epoch ms of the response: discard a profile older than one already applied. */
  timestamp: number; customAttributes: CustomAttribute[]; accessLevels: AccessLevel[]; subscriptions: Subscription[];
  nonSubscriptions: NonSubscription[]; requestId: string | null;
}
export interface Transaction {
  purchaseType: "one_time_purchase" | "subscription"; store: string; environment?: "Sandbox" | "Production";
  storeProductId: string; storeTransactionId: string; storeOriginalTransactionId: string; price: Price;
  purchasedAt: string; isFamilyShared?: boolean; variationId?: string; offer?: Offer; refundedAt?: string;
  cancellationReason?: string; originallyPurchasedAt?: string; expiresAt?: string; renewStatus?: boolean;
  renewStatusChangedAt?: string; billingIssueDetectedAt?: string; gracePeriodExpiresAt?: string;
}
export interface GrantAccessLevelRequest { accessLevelId: string; startsAt?: string; expiresAt?: string }
export interface RevokeAccessLevelRequest { accessLevelId: string; revokeAt?: string }
export type RefundPreference = "grant" | "no_preference" | "decline";
export interface SetRefundSaverSettingsRequest { customPreference?: RefundPreference; consent?: boolean }
export interface RefundSaverSettings extends Reply { profileId: string; consent: boolean | null; customPreference: RefundPreference | null }
export interface ValidateStripePurchaseRequest { customerUserId: string; stripeToken: string }
export interface ValidatePaddlePurchaseRequest { customerUserId: string; paddleToken: string }
export interface IntegrationIdentifiers extends Reply {
  adjustDeviceId?: string | null; airbridgeDeviceId?: string | null; amplitudeDeviceId?: string | null;
  amplitudeUserId?: string | null; appmetricaDeviceId?: string | null; appmetricaProfileId?: string | null;
  appsflyerId?: string | null; branchId?: string | null; facebookAnonymousId?: string | null;
  firebaseAppInstanceId?: string | null; mixpanelUserId?: string | null; oneSignalPlayerId?: string | null;
  oneSignalSubscriptionId?: string | null; posthogDistinctUserId?: string | null; pushwooshHwid?: string | null;
  tenjinAnalyticsInstallationId?: string | null;
}
export interface RemoteConfig { locale: string; /** JSON text */ data: string }
export interface PaywallProduct { productId: string; title: string; productSet: string; offer: { productOfferId: string; title: string } | null }
export interface Paywall extends Reply {
  paywallId: string; title: string; usePaywallBuilder: boolean; usePaywallBuilderLegacy: boolean; createdAt: string;
  updatedAt: string; state: "draft" | "live" | "inactive" | "archived" | (string & {}) | null; isDeleted: boolean;
  webPurchaseUrl: string | null; products: PaywallProduct[]; remoteConfigs: RemoteConfig[];
  mainScreenshot: { imageId: number; url: string } | null; requestId: string | null;
}
/** One page of paywalls: `page` from 1, `pageSize` 1..=100 (Adapty's default 20). */
export interface ListPaywalls { page?: number; pageSize?: number }
export interface PaywallList extends Reply { items: Paywall[]; pagination: { count: number; page: number; pages: number } }
/** Pages of an Adapty list: `for await (const page of client.paywallsPages())`, or `nextPage()` until `undefined`. */
export interface AdaptyPages<P> { nextPage(): Promise<P | undefined>; [Symbol.asyncIterator](): AsyncIterator<P> }
export interface UpdatePaywallRequest { remoteConfigs: RemoteConfig[] }
export interface CurrencyAmount { currencyCode: string; amount: number }
export interface VirtualCurrencyTransactionRequest {
  items: CurrencyAmount[]; metadata?: Record<string, string>; /** UUID; drawn when absent */ idempotencyKey?: string;
}
export interface CurrencyBalance { code: string; name: string; balance: number; held: number; available: number }
export interface VirtualCurrencyTransactionResult extends Reply { transactionId: string; balances: CurrencyBalance[]; idempotencyKey: string }
export interface VirtualCurrencyHistoryQuery { currencyCode?: string; cursor?: string; limit?: number }
export interface VirtualCurrencyTransaction { transactionId: string; transactionType: string; items: { currencyCode: string; amount: number; balanceAfter: number }[];
                  metadata: Record<string, string> | null; createdAt: string }
export interface VirtualCurrencyHistory extends Reply {
  items: VirtualCurrencyTransaction[];
  nextCursor: string | null;
}
export interface VirtualCurrencyBalances extends Reply { responseCreatedAt: number; balances: CurrencyBalance[] }
export type ExportFormat = "json" | "csv";
export interface ExportPlacements { placementType: "paywall" | "onboarding"; format?: ExportFormat }
export interface PlacementRow {
  developerId: string; placementName: string; audienceName: string | null; segmentName: string | null;
  crossPlacementAbTestName: string | null; abTestName: string | null; paywallName: string | null;
  onboardingName: string | null; /** unknown CSV columns, by name */ extra: Record<string, string>;
}
export interface PlacementExport extends Reply { format: ExportFormat; rows: PlacementRow[]; /** the body as received */ raw: string }
export interface MetricsFilters {
  /** [start, end] as YYYY-MM-DD */ date: string[]; compareDate?: string[]; store?: string[]; country?: string[];
  storeProductId?: string[]; duration?: string[]; attributionSource?: string[]; attributionStatus?: string[];
  attributionChannel?: string[]; attributionCampaign?: string[]; attributionAdgroup?: string[];
  attributionAdset?: string[]; attributionCreative?: string[]; offerCategory?: string[]; offerType?: string[]; offerId?: string[];
}
interface MetricsExportBase { filters: MetricsFilters; format?: ExportFormat; periodUnit?: "day" | "week" | "month" | "quarter" | "year"; segmentation?: string }
export interface ExportAnalytics extends MetricsExportBase { chartId: string; dateType?: "purchase_date" | "profile_install_date" }
export interface ExportCohort extends MetricsExportBase {
  periodType?: "renewals" | "days"; valueType?: "absolute" | "relative"; valueField?: string; accountingType?: string;
  renewalDays?: number[]; predictionMonths?: 3 | 6 | 9 | 12 | 18 | 24;
}
export interface ExportConversion extends MetricsExportBase { fromPeriod: string | number; toPeriod: string | number; dateType?: string }
export interface ExportFunnel extends MetricsExportBase { showValueAs?: "absolute" | "relative" | "both" }
export interface ExportLtv extends MetricsExportBase { periodType?: "renewals" | "days" }
export interface ExportRetention extends MetricsExportBase { periodType?: "renewals" | "days"; useTrial?: boolean }
export interface MetricsExport extends Reply {
  format: ExportFormat; /** vendor JSON, keys as sent */ json: JsonValue | null;
  table: { columns: string[]; rows: string[][] } | null; raw: string;
}
export interface WebPaywallRequest { store: string; placementId: string; locale?: string; customerUserId?: string; profileId?: string }
export interface WebPaywall extends Reply {
  placementId: string; variationId: string; paywallId: string; abTestName: string | null; paywallName: string;
  products: { title: string | null; isConsumable: boolean; adaptyProductId: string | null; vendorProductId: string;
              introductoryOfferEligibility: boolean | null; promotionalOfferEligibility: boolean | null;
              basePlanId: string | null; offer: Offer | null }[];
  remoteConfig: { lang: string; data: string } | null;
}
export interface WebPaywallVisit { store: string; variationId: string; visitedAt?: string; customerUserId?: string; profileId?: string }
export interface WebAttributionRequest {
  status: "organic" | "non_organic" | "unknown"; attributionUserId?: string; channel?: string; campaign?: string;
  adGroup?: string; adSet?: string; creative?: string; customerUserId?: string; profileId?: string;
}
export type BulkOperation =
  | { operation: "delete" }
  | { operation: "grant"; request: GrantAccessLevelRequest }
  | { operation: "revoke"; request: RevokeAccessLevelRequest }
  | { operation: "update"; profile: ProfileRequest };
export interface BulkProgress { done: number; total: number; succeeded: number; failed: number }
export interface BulkOptions extends Omit<CallOptions, "extraQuery"> {
  /** In flight at once, 1..256 (default 16). */ concurrency?: number;
  /** Stop starting requests after an auth failure (default true); the rest are reported as cancelled. */
  stopOnAuthError?: boolean;
  onProgress?: (progress: BulkProgress) => void;
}
export interface BulkItem {
  index: number; user: AdaptyUser; profile: Profile | null;
  failure: { kind: ErrorKind; message: string; status: number | null; code: string | null; requestId: string | null } | null;
}
export interface BulkReport { items: BulkItem[]; succeeded: number; failed: number }
/** At least one Authorization value, non-empty: a receiver that would accept unauthenticated deliveries cannot be built. */
export interface AdaptyWebhookReceiverOptions {
  /** The Authorization value configured for the production endpoint, compared byte for byte. */
  productionAuthorization?: string;
  /** The Authorization value configured for the sandbox endpoint. */
  sandboxAuthorization?: string;
  /** Renamed event names → Adapty's names. */
  eventNames?: Record<string, string>;
}
export interface WebhookEvent {
  eventType: string; eventName: string; /** event_properties.profile_event_id */ dedupeKey: string | null;
  profileId: string; customerUserId: string | null; idfv: string | null; idfa: string | null; advertisingId: string | null;
  profileInstallDatetime: string | null; userAgent: string | null; email: string | null; eventDatetime: string | null;
  eventApiVersion: number | null; eventProperties: Record<string, string | number | boolean | null>;
  profilesSharingAccessLevel: { profileId: string; customerUserId: string | null }[];
  attributions: JsonValue | null; userAttributes: JsonValue | null; integrationIds: JsonValue | null;
  playStorePurchaseToken: { productId: string; purchaseToken: string; isSubscription: boolean } | null;
}
export type WebhookDelivery = { kind: "verification" } | { kind: "event"; event: WebhookEvent };
"#;
