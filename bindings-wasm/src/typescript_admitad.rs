//! TypeScript declarations of the Admitad publisher requests and records (camelCase, as they cross).

use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS_ADMITAD_PUBLISHER: &'static str = r#"
/** Pages of a list: `for await (const page of pages)`, or `nextPage()` until `undefined`. */
export interface AdmitadPages<T> { nextPage(): Promise<AdmitadPage<T> | undefined>; [Symbol.asyncIterator](): AsyncIterator<AdmitadPage<T>> }
/** `limit` 1..500. */
export interface Paging { limit?: number; offset?: number }
/** `{ id, name }` of a program, ad space or parent category. */
export interface NamedRef { id: number; name: string }
export interface GetBalance { extended?: boolean }
/** Money is exact decimal text ("20000.00"). */
export interface Balance { currency: string; balance: string; processing: string | null; today: string | null; stalled: string | null }
export interface GetPaymentSettings { /** USD */ currency?: string }
export interface BalanceList extends Reply { items: Balance[] }
export interface PaymentSettingList extends Reply { items: PaymentSetting[] }
export interface ProgramConnectionList extends Reply { items: ProgramConnection[] }
export interface WebsiteList extends Reply { items: Website[] }
export interface PromoCodeStatusList extends Reply { items: PromoCodeStatus[] }
export interface DeeplinkList extends Reply { items: Deeplink[] }
export interface PaymentSetting { id: number; name: string; currency: string[]; withdrawalType: string | null; raw: JsonValue }
export interface ListCodes extends Paging { list?: "website_kinds" | "website_regions" }
export interface ListLanguages extends Paging {}
export interface GetLanguage { code: string }
export interface Language extends Reply { languageCode: string; language: string; flag: string | null; raw: JsonValue }
export interface ListCurrencies extends Paging {}
export interface Currency { code: string; name: string; sign: string | null; minSum: string | null; raw: JsonValue }
export interface GetCurrencyRate { base: string; target: string; /** dd.mm.yyyy */ date: string }
export interface CurrencyRate extends Reply { base: string | null; target: string | null; rate: string | null; date: string | null; raw: JsonValue }
export interface ListCategories extends Paging { program?: number; campaign?: number[]; language?: string; orderBy?: "name" | "-name" }
export interface GetCategory { id: number; language?: string }
export interface Category extends Reply { id: number; name: string; language: string | null; parent: NamedRef | null; raw: JsonValue }
export interface ListAdServices extends Paging { kind?: string }
export interface GetAdService { id: number }
export interface AdService extends Reply { id: number; name: string; url: string | null; logo: string | null; allowedReferrers: string | null; raw: JsonValue }
export interface ListTrafficTypes extends Paging {}
export interface TrafficType { id: number; name: string; raw: JsonValue }
export interface ListCouponCategories extends Paging {}
export interface GetCouponCategory { id: number }
export interface CouponCategory extends Reply { id: number; name: string; raw: JsonValue }
export interface GetWebsite { id: number }
/** `GET /websites/v2/{name}/?search_by=name`: the name is percent-encoded as one path segment. */
export interface GetWebsiteByName { /** ≤ 200 characters */ name: string }
export interface NewWebsite { /** ≤ 200 */ name: string; /** absolute http(s), ≤ 255 */ url: string; category?: number[]; region?: string[]; nativeKind?: string }
export interface CreateSubnetworkWebsites { websites: NewWebsite[] }
export interface GetProgramForWebsite { program: number; website: number }
export interface ChangeMembership { action: "attach" | "detach"; program: number; website: number }
export interface ActionResult extends Reply { success: string; message: string; raw: JsonValue }
export interface GetProgramStatuses { program: number; /** 1..30 ad spaces */ websites: number[] }
export interface ProgramConnection { websiteId: number; advcampaignId: number; connectionStatus: string; gotolink: string | null; raw: JsonValue }
export interface ListBanners extends Paging { program: number; website?: number; landing?: number; mobileContent?: boolean; uriScheme?: "http" | "https" | "no" }
export interface Banner {
  id: number; name: string; kind: string; sizeWidth: number; sizeHeight: number; creationDate: string | null; isFlash: boolean | null;
  mobileContent: boolean | null; bannerImageUrl: string | null; bannerFlashobjUrl: string | null; directLink: string | null;
  htmlCode: string | null; raw: JsonValue;
}
export interface ListLandings extends Paging { program: number; website?: number }
export interface Landing { id: number; name: string; dateCreated: string | null; gotolink: string | null; raw: JsonValue }
export interface GetCoupon { id: number; website?: number }
export interface ListPromoOffers extends Paging { program: number }
export interface GetPromoCodeRevocations { offer: number; website: number }
export interface PromoCodeStatus { promocodeValue: string; status: "active" | "revoked" | (string & {}); raw: JsonValue }
export interface RequestTrackingCoupon { coupon: number; program: number; website: number }
export interface TrackingCouponRequest extends Reply { assignedPromoCode: string | null; trackingLink: string | null; couponRequestId: number | null; raw: JsonValue }
export interface GetTrackingCouponStatus { requestId: number }
export interface TrackingCouponState extends Reply {
  couponRequestId: number; promoOfferId: number | null; websiteId: number | null; status: string; assignedPromoCode: string | null;
  createdAt: string | null; approvedAt: string | null; declinedAt: string | null; raw: JsonValue;
}
export interface ShortenLink { link: string }
export interface ShortLink extends Reply { shortLink: string }
export interface ListReferrals extends Paging { /** dd.mm.yyyy */ dateStart?: string; /** dd.mm.yyyy */ dateEnd?: string }
export interface GetReferral { id: number }
export interface Referral extends Reply { id: number; username: string; payment: string | null; raw: JsonValue }
export interface ListAnnouncements extends Paging { language?: string }
export interface GetAnnouncement { id: number; language?: string }
export interface Announcement extends Reply { id: number; message: string; event: string | null; advcampaign: NamedRef | null; raw: JsonValue }
export interface ListNews extends Paging { language?: string }
export interface GetNewsItem { id: number; language?: string }
export interface News extends Reply {
  id: number; datetime: string | null; language: string | null; shortContent: string | null; content: string | null; url: string | null;
  advcampaign: NamedRef | null; raw: JsonValue;
}
export interface ListNotifications extends Paging {
  category?: "finance" | "system" | "promotions" | "other"; status?: "read" | "not_read";
  /** dd.mm.yyyy HH:MM:SS */ startDate?: string; /** dd.mm.yyyy HH:MM:SS */ endDate?: string; search?: string;
}
export interface MarkNotificationsRead { /** none: all */ id?: number }
export interface Notification {
  id: number; status: string; category: string; whenRead: string | null; dateCreated: string | null; subject: string | null;
  text: string | null; raw: JsonValue;
}
export interface ListVendorBonuses extends Paging { programs?: number[] }
/** Money and rates are exact decimal text. */
export interface VendorBonusRate { size: string | null; priceS: string | null; country: string | null; dateS: string | null; isPercentage: boolean | null }
export interface VendorBonusTariff { name: string; rates: VendorBonusRate[] }
export interface VendorBonusAction { name: string; holdSizeDays: number | null; tariffs: VendorBonusTariff[] }
export interface VendorBonusCondition {
  action: VendorBonusAction | null; advcampaign: NamedRef | null; priceFrom: string | null; priceUpTo: string | null; category: string | null;
  brand: string | null; /** a comma list of product ids */ product: string | null; supplier: string | null; additionalFilterName: string | null;
  additionalFilterValue: string | null;
}
export interface VendorBonus {
  id: number; name: string; status: string | null; startDatetime: string | null; stopDatetime: string | null;
  allowAllWebmasters: boolean | null; allowedToYou: boolean | null; vendorCampaign: NamedRef | null; conditions: VendorBonusCondition[];
  raw: JsonValue;
}
export interface ListOptCodes extends Paging {
  campaign?: number; website?: number; /** repeated: `order_by=-method&order_by=desc_mode` */ orderBy?: string | string[];
}
export interface GetOptCode { id: number }
export interface SaveOptCode {
  kind: "action" | "offer"; /** none: create */ id?: number; website?: number; campaign?: number; url?: string;
  method?: "get" | "post"; descMode?: "advanced" | "simple"; actionType?: "all" | "sale" | "lead";
  statuses?: ("new" | "approved" | "declined" | "pending")[]; rewardReady?: boolean;
}
export interface DeleteOptCode { id: number }
export interface OptCode extends Reply {
  id: number; website: number | null; campaign: number | null; event: number | null; method: number | null; descMode: number | null;
  status: number[]; rewardReady: boolean | null; userUrl: string | null; generatedUrl: string | null; raw: JsonValue;
}
export interface ListRetags extends Paging { website?: number; active?: boolean }
export interface GetRetag { id: number }
export interface RetagLevelRef { id: number; name: string | null; campaign: NamedRef | null }
export interface Retag extends Reply {
  id: number; website: NamedRef | null; level: RetagLevelRef | null; script: string | null; comment: string | null;
  active: boolean | null; status: number | null; raw: JsonValue;
}
export interface ListRetagLevels extends Paging { website?: number; program?: number }
export interface RetagLevel { id: number; level: string | null; advcampaign: NamedRef | null; raw: JsonValue }
export interface SaveRetag { /** none: create */ id?: number; website?: number; level?: number; script?: string; active?: boolean; comment?: string }
export interface DeleteRetag { id: number }
export interface ListBrokenLinks extends Paging {
  /** repeated: `website=1&website=2` */ website?: number | number[]; campaign?: number[]; search?: string; reason?: 0 | 1 | 2; /** dd.mm.yyyy */ startDate?: string; /** dd.mm.yyyy */ endDate?: string;
}
export interface GetBrokenLink { id: number }
export interface BrokenLink extends Reply {
  id: number; website: NamedRef | null; campaign: NamedRef | null; clicks: number; errReason: number | null; clickLink: string | null;
  refLink: string | null; datetime: string | null; raw: JsonValue;
}
export type ClaimKind = "lost_order" | "appeal";
export interface ListLostOrders extends Paging {
  kind: ClaimKind; program?: number; website?: number; status?: "accepted" | "processing" | "rejected"; /** dd.mm.yyyy */ startDate?: string;
  /** dd.mm.yyyy */ endDate?: string; appealId?: string; appealStatus?: "resolved" | "processing";
}
export interface GetLostOrder { kind: ClaimKind; id: number }
/** A receipt: JPEG, PNG or PDF (checked by media type, extension and leading bytes; at most 10 MiB). */
export interface Attachment { fileName: string; contentType: "image/jpeg" | "image/png" | "application/pdf"; bytes: Uint8Array | ArrayBuffer | number[] }
export interface CreateLostOrder {
  program: number; website: number; orderId: string; /** dd.mm.yyyy */ orderDate: string; /** decimal text */ orderPrice: string;
  /** ≤ 512; empty or absent: not sent */ comment?: string; appealId?: string;
  /** decimal text; empty or absent: not sent */ estimatedReward?: string; receipt: Attachment;
}
export interface CreateAppeal { program: number; orderId: string; comment: string; appealId?: string; receipt: Attachment }
export interface LostOrder extends Reply {
  id: number; status: string | null; website: NamedRef | null; advcampaign: NamedRef | null; orderId: string | null; orderDate: string | null;
  orderPrice: string | null; currency: string | null; comment: string | null; dateCreated: string | null; appealId: string | null;
  appealStatus: string | null; estimatedReward: string | null; raw: JsonValue;
}
export interface GetLostOrderPayments { program: number; /** 1..20 */ orderIds: string[] }
export interface OrderPaymentInfo { orderId: string | null; status: string; paymentId: number | null; paymentStatus: string | null }
export interface OrderPayments extends Reply { orderInfo: OrderPaymentInfo[] }
export interface GetAliexpressCommissionRates { urls: string[] }
export interface CommissionRate { url: string; productName: string | null; commissionRate: string | null; hotCommissionRate: string | null; isHot: boolean | null }
export interface CommissionRates extends Reply { commissionRates: CommissionRate[] }
export interface CreateBrokerApplication {
  website: number; program: number; firstName: string; lastName: string; mobilePhone: string; email: string; workDate?: string;
  userNotified: boolean; /** sync_create: confirmed by SMS */ smsConfirmation?: boolean; /** further fields, sent as named */ extra?: Record<string, string>;
}
export interface ListBrokerApplications extends Paging { website: number; status?: string; program?: number; dateStart?: string; dateEnd?: string }
export interface GetBrokerCampaignSettings { program: number }
export interface BrokerApplication extends Reply { id: number; status: string | null; campaignId: number | null; raw: JsonValue }
export interface CouponCampaign { id: number; name: string; siteUrl: string | null }
/** One item of an action's order. Money and rates are exact decimal text. */
export interface ActionPosition {
  id: number; tariffId: number | null; datetime: string | null; amount: string | null; payment: string | null; rate: string | null;
  rateId: number | null; percentage: boolean | null; productId: string | null; productName: string | null; productUrl: string | null;
  productImage: string | null; productCategoryId: string | null; productCategoryName: string | null; raw: JsonValue;
}
"#;
