// Compiled with `tsc --strict` against the package's declarations: the public types must be usable.
import { AdjustClient } from 'adkit';
import type { AdkitError, AppDetails, CreateApp, TicketStatus } from 'adkit';

async function tour(): Promise<void> {
  const client = new AdjustClient({ apiToken: 'adj_x', baseUrl: 'http://127.0.0.1:1/adjust/api/', timeoutMs: 1000 });
  const request: CreateApp = {
    storeId: 'com.example', platform: 'android', name: 'n', bundleId: 'com.example',
    channelSetup: { facebook: { appId: '1' }, applovin: { sdkKeys: ['k'] } }, sections: ['events', 'brand_new'],
  };
  const created = await client.createApp(request, { signal: AbortSignal.timeout(5000) });
  const token: string = created.adjustAppToken;
  const app: AppDetails = await client.findApp('com.example', 'android');
  const status: TicketStatus = await client.waitForTicket(created.ticketToken ?? '', {
    onProgress: (s: TicketStatus) => console.log(s.status), maxIntervalMs: 100,
  });
  console.log(token, app.name, status.sections['events']?.successes.length);
  try {
    await client.getApp(token);
  } catch (e) {
    const err = e as AdkitError;
    const kind: 'auth' | 'api' | string = err.kind;
    console.log(kind, err.status, err.requestId, err.fieldErrors.map((f) => f.field));
  }
}
void tour;

// Adapty: the combined entry and the subpath both type-check.
import { AdaptyClient, AdaptyWebhookReceiver } from 'adkit';
import type { Profile, WebhookDelivery, BulkReport, PlacementExport } from 'adkit';
import { AdaptyClient as OnlyAdapty } from 'adkit/adapty';

async function adaptyTour(): Promise<void> {
  const client: AdaptyClient = new OnlyAdapty({ secretKey: 'secret_x', baseUrl: 'http://127.0.0.1:1/adapty/' });
  const profile: Profile = await client.createProfile({ customerUserId: 'u1' }, { customAttributes: [{ key: 'level', value: 3 }] });
  const active = profile.accessLevels.filter((a) => a.expiresAt === null || Date.parse(a.expiresAt) > Date.now());
  const exported: PlacementExport = await client.exportPlacements({ placementType: 'paywall', format: 'csv' });
  const report: BulkReport = await client.bulk({ operation: 'delete' }, [{ customerUserId: 'u1' }], { concurrency: 4, onProgress: (p) => console.log(p.done) });
  const receiver = new AdaptyWebhookReceiver({ productionAuthorization: 'Bearer x' });
  const delivery: WebhookDelivery = receiver.receive({ authorization: 'Bearer x' }, '{}');
  if (delivery.kind === 'event') console.log(delivery.event.dedupeKey);
  console.log(active.length, exported.rows[0]?.developerId, report.failed, receiver.ackBody);
}
void adaptyTour;

// Admitad: tokens in and out, async-iterable pages, callback parsing.
import { AdmitadClient, parseAdmitadCallback } from 'adkit';
import type { AdmitadTokens, StatisticsPage, Banner, LostOrder, OptCode, AdmitadPage, CallOptions, Website } from 'adkit';
import { AdmitadClient as OnlyAdmitad } from 'adkit/admitad';

async function admitadTour(stored?: AdmitadTokens): Promise<void> {
  const client: AdmitadClient = new OnlyAdmitad({
    clientId: 'adm_x', clientSecret: 'secret_adm_x', scopes: ['statistics', 'private_data'], tokens: stored,
    onTokens: (t: AdmitadTokens) => console.log(t.expiresAtMs),
  });
  const { url, state } = client.authorizationUrl('https://example.com/cb');
  const code: string = parseAdmitadCallback(`https://example.com/cb?state=${state}&code=c`, state);
  await client.exchangeCode(code, 'https://example.com/cb');
  for await (const page of client.statisticsPages({ report: 'dates', dateStart: '01.01.2024', limit: 500 })) {
    const p: StatisticsPage = page;
    console.log(p.items[0]?.paymentSumApproved, url);
  }
  for await (const page of client.bannersPages({ program: 6, website: 22 })) {
    const b: Banner | undefined = page.items[0];
    console.log(b?.htmlCode, b?.sizeWidth);
  }
  const first: AdmitadPage<Banner> = await client.banners({ program: 6, uriScheme: 'https' });
  const all: Banner[] = await client.collectBanners({ program: 6 }, 1000);
  const code2: OptCode = await client.saveOptCode({ kind: 'action', url: 'https://x/[[[order_id]]]', method: 'get', descMode: 'simple',
    actionType: 'sale', statuses: ['approved'] });
  const order: LostOrder = await client.createLostOrder({ program: 6, website: 22, orderId: 'A', orderDate: '01.01.2024',
    orderPrice: '1.00', comment: 'c', estimatedReward: '0.10', receipt: { fileName: 'r.png', contentType: 'image/png', bytes: new Uint8Array(8) } });
  const balances = await client.balance({ extended: true });
  const balance: string = balances.items[0].balance;
  const requestId: string | null | undefined = balances.requestId;
  void requestId;
  console.log(first.count, all.length, code2.status, order.orderPrice, balance);
  // Parameters adkit does not know yet, on any call and on every page; ad spaces by name and page by page.
  const extra: CallOptions = { extraQuery: { brand_new: 'yes', tag: ['a', 'b'], n: 5, ok: true } };
  const blog: Website = await client.websiteByName({ name: 'My blog' }, extra);
  for await (const page of client.websitesPages({ limit: 100 }, extra)) console.log(page.items.length, blog.isOld);
  const sites: Website[] = await client.collectWebsites({}, 100, extra);
  await client.coupons({ kind: [1, 'exclusive'], orderBy: ['name', '-rating'] });
  await client.coupons({ orderBy: 'date_end' });
  await client.optCodes({ orderBy: ['-method', 'desc_mode'] });
  await client.brokenLinks({ website: [1, 2] });
  await client.collectStatistics({ report: 'dates', campaign: [3, 4] }, 100, { extraQuery: { q: 'x' } });
  // @ts-expect-error an object is not a query value
  await client.me({ extraQuery: { x: {} } });
  const t: AdmitadTokens | undefined = client.tokens;
  console.log(sites.length, t?.firstName, t?.group, t?.raw);
}
void admitadTour;
