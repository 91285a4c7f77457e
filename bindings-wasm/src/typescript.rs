//! TypeScript declarations of the plain objects the JS surface takes and returns (camelCase wire names).

use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r#"
/** `android` | `ios` (and `both` for generateSignature). Other values are refused before sending. */
export type Platform = "android" | "ios" | "both" | (string & {});
/** A settings section; open list. */
export type Section =
  | "events" | "partners" | "csv_upload_settings" | "ios_14" | "attribution_settings" | "trackers"
  | "callbacks" | "sdk_secrets" | "external_data_forwarding" | "fraud_prevention_settings"
  | "purchase_verification" | "signature" | (string & {});
/** Ticket lifecycle; unknown values are not terminal. */
export type TicketState = "NEW" | "OPENED" | "COMPLETED" | "FAILED" | (string & {});
/** Any JSON value, passed through untouched. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export interface AdjustClientOptions {
  /** The Adjust API token: a server-side secret. */
  apiToken: string;
  /** The signature token, for signature operations. */
  signatureToken?: string;
  /** Base URL override: https, or http on loopback (the sandbox). */
  baseUrl?: string;
  /** A fetch implementation (default: the global fetch). */
  fetch?: (input: string, init?: RequestInit) => Promise<Response>;
  /** Per-attempt timeout in ms: a whole number 1..2147483647 (default 30000). */
  timeoutMs?: number;
  /** Retries after the first attempt: a whole number 0..4294967295 (default 2). */
  maxRetries?: number;
}

/** What every result carries: the vendor's request id of the response that answered it (for a support
 * ticket or a log line), when the vendor sent one. Items of a list carry none; their page does. */
export interface Reply { requestId?: string | null }
/** The answer of an operation with nothing else to return. */
export interface Ack extends Reply {}
/** A JSON answer kept exactly as the vendor sent it (`null` for an empty body), with the request id. */
export interface JsonReply extends Reply { body: JsonValue }
/** A value of `CallOptions.extraQuery`: text, a finite number or a boolean (sent as `true`/`false`). */
export type QueryValue = string | number | boolean;

export interface CallOptions {
  /** Aborts the call; it then rejects with kind `cancelled`. */
  signal?: AbortSignal;
  /**
   * Query parameters this version of adkit does not know yet (a filter the vendor added last week), appended
   * to the request's URL after the ones adkit sends, in order, percent-encoded as UTF-8. An array repeats the
   * name (`{ tag: ["a", "b"] }` → `tag=a&tag=b`); an `undefined` member is skipped. Never sent on token
   * requests; on `xxxPages`/`collectXxx` it goes with every page. An empty name, a control character or a
   * value of another type rejects with kind `invalid_input`, `field` `extraQuery.<name>`, before anything is sent.
   */
  extraQuery?: Record<string, QueryValue | QueryValue[]>;
}

/** `waitForTicket` polls: it takes no `extraQuery` (send `getTicketStatus` with one yourself). */
export interface WaitForTicketOptions extends Omit<CallOptions, "extraQuery"> {
  /** Give up after this many ms (default 600000). */
  timeoutMs?: number;
  /** First pause between polls in ms (default 1000, at most 2147483647), doubled after each poll. */
  initialIntervalMs?: number;
  /** Longest pause between polls in ms (default 15000, at most 2147483647). */
  maxIntervalMs?: number;
  /** Called with every status read, terminal included. */
  onProgress?: (status: TicketStatus) => void;
}

export type ErrorKind = "invalid_input" | "api" | "not_found" | "auth" | "rate_limited" | "transport" | "decode" | "cancelled" | "verification";

/** Every rejection of an adkit call is an `Error` with these fields (`name` is `"AdkitError"`). */
export interface AdkitError extends Error {
  name: "AdkitError";
  kind: ErrorKind;
  vendor: "adapty" | "admitad" | "adjust" | null;
  status: number | null;
  code: string | null;
  requestId: string | null;
  bodyExcerpt: string | null;
  retryAfterMs: number | null;
  fieldErrors: { field: string; detail: string }[];
  /** For `invalid_input`: the offending field. */
  field?: string;
  /** For `transport`: what failed. */
  transportKind?: "timeout" | "connect" | "body_too_large" | "redirect" | "other";
}

export interface SnapchatSetup { snapAppId?: string; appId?: string }
export interface FacebookSetup { appId: string; adimpressionForwarding?: boolean }
export interface GoogleSetup { linkId: string }
export interface GameAnalyticsSetup { key: string }
export interface AppIdSetup { appId: string }
export interface UnityAdsSetup { gameId: string }
export interface ChartboostSetup { appId: string; token: string }
export interface InMobiSetup { propertyId: string; advertiserId: string }
export interface AppLovinSetup { sdkKeys: string[] }
export interface MintegralSetup { enabled: boolean }
export interface TikTokSetup { enabled: boolean; appId: string }
export interface IronSourceSetup { advertiserId: string; password: string }

/** Partner values keyed by slug; partners without a typed shape go beside them under their own slug. */
export interface ChannelSetup {
  snapchat?: SnapchatSetup; facebook?: FacebookSetup; google?: GoogleSetup; gameanalytics?: GameAnalyticsSetup;
  tapjoy?: AppIdSetup; unityads?: UnityAdsSetup; vungle?: AppIdSetup; chartboost?: ChartboostSetup;
  inmobi?: InMobiSetup; applovin?: AppLovinSetup; mintegral?: MintegralSetup; tiktok?: TikTokSetup;
  ironsource?: IronSourceSetup;
  /** Other partners by slug: an object of their values. */
  [slug: string]: object | undefined;
}

/** Per-app overrides of template values; keys and values are passed through as written. */
export interface OverrideSettings {
  events?: JsonValue[]; partners?: JsonValue[]; csv_upload_settings?: JsonValue; ios_14?: JsonValue;
  attribution_settings?: JsonValue; trackers?: JsonValue[]; callbacks?: JsonValue[]; sdk_secrets?: JsonValue;
  external_data_forwarding?: JsonValue[]; fraud_prevention_settings?: JsonValue; purchase_verification?: JsonValue;
  [key: string]: JsonValue | undefined;
}

export interface CreateApp {
  storeId: string; platform: Platform; name: string; bundleId: string;
  verification?: boolean; androidSignatureHash?: string; channelSetup?: ChannelSetup; editors?: string[];
  templateAppToken?: string; iosPvSharedSecret?: string; sections?: Section[]; forceUpdate?: boolean;
  overrideSettings?: OverrideSettings;
}
export interface CreateAppResponse {
  adjustAppToken: string; ticketToken: string | null; name: string | null; skAppId: string | null;
  storeId: string | null; bundleId: string | null; requestId: string | null;
}
export interface FindApp { storeId: string; platform: Platform }
export interface AppDetails {
  adjustAppToken: string; storeId: string; platform: Platform; name: string; crossPromoToken: string | null;
  additionalInfo: JsonValue | null; androidSignatureHash: string | null;
  channelSetup: { [partner: string]: { [key: string]: JsonValue } } | null; requestId: string | null;
}
export interface CreateCampaign {
  storeId: string; platform: Platform; channel: string; campaignName?: string; channelSetup?: ChannelSetup;
  androidSignatureHash?: string;
}
export interface CampaignUrls { clickUrl: string; impressionUrl: string; requestId: string | null }
export interface SignatureLibraries {
  androidAppToken: string | null; iosAppToken: string | null; androidLibUrl: string | null; iosLibUrl: string | null;
  androidDoctorUrl: string | null; iosDoctorUrl: string | null; iosMd5Sum: string | null; androidMd5Sum: string | null;
  libraryType: string | null; requestId: string | null;
}
export interface ChannelList { channels: string[]; requestId: string | null }
export interface SectionResult { successes: JsonValue[]; failures: JsonValue[]; detail: string | null }
export interface SignatureResult { success: boolean; msg: string }
export interface TicketStatus {
  ticketToken: string; status: TicketState; sections: { [section: string]: SectionResult };
  signatures: { [platform: string]: SignatureResult }; forceSdkSignature: { [appToken: string]: string } | null;
  requestId: string | null;
}
export interface UpdateApp {
  appToken: string; name?: string; storeId?: string; bundleId?: string; androidSignatureHash?: string;
}
export interface UpdateAppResponse { storeId: string; name: string; ticketToken: string; requestId: string | null }
export interface GenerateSignature {
  appToken: string; platform: Platform; androidSignatureHash?: string; forceSdkSignature?: boolean;
}
export interface GenerateSignatureResponse { ticketToken: string; requestId: string | null }
"#;
