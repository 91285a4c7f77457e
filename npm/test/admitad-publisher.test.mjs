// The rest of Admitad's publisher API from Node: reference lists iterated with `for await`, memberships and
// postbacks seen through the sandbox, a lost order with a Uint8Array receipt (multipart), JSON bodies,
// answers kept as sent, and bad input refused before anything is sent.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { AdmitadClient, AdmitadPaginator } from 'adkit';
import { BASE } from '../test-support.mjs';

const SCOPES = [
  'public_data', 'websites', 'advcampaigns', 'advcampaigns_for_website', 'manage_advcampaigns', 'banners',
  'banners_for_website', 'landings', 'coupons', 'coupons_for_website', 'private_data_balance', 'short_link',
  'referrals', 'announcements', 'web_notificator', 'vendor_tool', 'opt_codes', 'manage_opt_codes',
  'webmaster_retag', 'manage_webmaster_retag', 'broken_links', 'lost_orders', 'manage_lost_orders',
  'aliexpress_commission', 'broker_application', 'manage_broker_application', 'request_tracking_coupon', 'manage_websites',
];
const client = () => {
  const clientId = `adm_js_pub_${randomUUID().slice(0, 8)}`;
  return new AdmitadClient({ clientId, clientSecret: `secret_${clientId}`, scopes: SCOPES, baseUrl: `${BASE}/admitad/` });
};

test('account, reference lists with for await, memberships', async () => {
  const c = client();
  const balance = await c.balance({ extended: true });
  assert.deepEqual(balance.items[0], { currency: 'USD', balance: '20000.00', processing: '120.50', today: '3.25', stalled: '0.00' });
  assert.match(balance.requestId, /^sbx-\d+$/, 'the request id of the response');
  const regions = [];
  const pages = c.codesPages({ list: 'website_regions', limit: 30 });
  assert.ok(pages instanceof AdmitadPaginator);
  for await (const page of pages) regions.push(...page.items);
  assert.equal(regions.length, 80);
  assert.deepEqual(regions.slice(0, 3), ['00', '01', 'AE']);
  assert.equal((await c.languages()).count, 5, 'a list request may be omitted');
  assert.equal((await c.language({ code: 'de' })).language, 'Deutsch');
  assert.equal((await c.currencies()).items[2].minSum, '500');
  assert.equal((await c.currencyRate({ base: 'USD', target: 'EUR', date: '01.03.2024' })).rate, '0.9215');
  const categories = await c.collectCategories({ limit: 500 }, 100);
  assert.equal(categories[20].parent.id, 6);
  await assert.rejects(c.collectCategories({ limit: 10 }, 39), { kind: 'invalid_input', field: 'cap' });

  assert.equal((await c.changeMembership({ action: 'detach', program: 6, website: 22 })).success, 'Deleted');
  assert.equal((await c.programForWebsite({ program: 6, website: 22 })).connectionStatus, 'disabled');
  const statuses = await c.programStatuses({ program: 6, websites: [22, 23] });
  assert.deepEqual(statuses.items.map((s) => s.connectionStatus), ['disabled', 'active']);
  const banners = await c.collectBanners({ program: 6, website: 22, mobileContent: true, limit: 10 }, 100);
  assert.equal(banners.length, 22);
  assert.ok(banners.every((b) => b.htmlCode && b.kind));
  const offers = await c.promoOffers({ program: 6 });
  assert.equal(offers.items[0].title, 'Offer 1', 'undocumented items kept as sent');
  const asked = await c.requestTrackingCoupon({ coupon: 4, program: 6, website: 22 });
  assert.equal((await c.trackingCouponStatus({ requestId: asked.couponRequestId })).assignedPromoCode, 'TRACK4');
  await assert.rejects(c.trackingCouponStatus({ requestId: 999 }), { kind: 'not_found', code: 'PROMO_REQUEST_NOT_FOUND' });
  await assert.rejects(c.statistics({ report: 'actions', actionType: 'click' }), { kind: 'invalid_input', field: 'actionType' });
  await assert.rejects(c.statistics({ report: 'actions', statusUpdatedStart: '01.03.2024' }), { kind: 'invalid_input', field: 'statusUpdatedStart' });
});

test('notifications, postbacks, ReTag, claims with a receipt, partners', async () => {
  const c = client();
  assert.equal((await c.notifications({ category: 'finance', status: 'not_read' })).count, 6);
  const marked = await c.markNotificationsRead({ id: 4 });
  assert.equal(marked.body.status, 'read');
  assert.match(marked.requestId, /^sbx-/);
  assert.equal((await c.notifications({ category: 'finance', status: 'not_read' })).count, 5);
  assert.equal((await c.markNotificationsRead()).body, null, 'an empty answer is null');

  const code = await c.saveOptCode({
    kind: 'action', website: 22, url: 'https://me.example/pb?o=[[[order_id]]]', method: 'post', descMode: 'simple',
    actionType: 'sale', statuses: ['approved', 'declined'],
  });
  assert.deepEqual([code.website, code.method, code.status], [22, 1, [6, 7]]);
  await c.saveOptCode({ kind: 'action', id: code.id, rewardReady: true });
  assert.equal((await c.optCode({ id: code.id })).rewardReady, true);
  await assert.rejects(c.saveOptCode({ kind: 'action', method: 'get', descMode: 'simple', actionType: 'all', statuses: ['new'] }),
    { kind: 'invalid_input', field: 'url' });
  await assert.rejects(c.saveOptCode({ kind: 'action', url: 'https://x/', method: 'put' }), { kind: 'invalid_input' });
  await c.deleteOptCode({ id: code.id });
  await assert.rejects(c.optCode({ id: code.id }), { kind: 'not_found' });

  const tag = await c.saveRetag({ website: 22, level: 222, script: '<script>t()</script>' });
  assert.deepEqual([tag.level.id, tag.status, tag.active], [222, 2, true]);
  assert.equal((await c.retagLevels({ program: 6 })).items.length, 4);

  const receipt = { fileName: 'r.pdf', contentType: 'application/pdf', bytes: new TextEncoder().encode('%PDF-1.4 receipt') };
  const request = { program: 6, website: 22, orderId: 'JS-1', orderDate: '05.03.2024', orderPrice: '10.50', comment: 'Paid',
    estimatedReward: '1.00', receipt };
  const order = await c.createLostOrder(request);
  assert.equal(order.orderPrice, '10.50');
  assert.equal(order.raw.receipt.size, 16, 'the bytes arrived whole');
  assert.ok(request.receipt.bytes instanceof Uint8Array, 'the caller\'s object is untouched');
  const listed = await c.lostOrders({ kind: 'lost_order' });
  assert.deepEqual(listed.items.map((o) => o.id), [order.id]);
  await assert.rejects(c.createLostOrder({ ...request, receipt: { ...receipt, contentType: 'image/gif' } }),
    { kind: 'invalid_input', field: 'receipt' });
  await assert.rejects(c.createLostOrder({ ...request, orderDate: '2024-03-05' }), { kind: 'invalid_input', field: 'orderDate' });
  const appeal = await c.createAppeal({ program: 6, orderId: 'JS-1', comment: 'Still missing', receipt: { ...receipt, bytes: Array.from(receipt.bytes) } });
  assert.equal((await c.lostOrder({ kind: 'appeal', id: appeal.id })).orderId, 'JS-1');
  assert.deepEqual((await c.lostOrderPayments({ program: 6, orderIds: ['abc'] })).orderInfo[0].paymentId, 503);

  const rates = await c.aliexpressCommissionRates({ urls: ['https://aliexpress.com/item/1.html'] });
  assert.equal(rates.commissionRates[0].hotCommissionRate, '9.5');
  const app = await c.createBrokerApplication({ website: 22, program: 6, firstName: 'Ann', lastName: 'Lee', mobilePhone: '+70000000000',
    email: 'ann@example.com', userNotified: false, extra: { city_name: 'Riga' } });
  assert.equal(app.status, 'waiting');
  assert.equal(app.raw.fields.city_name, 'Riga', 'extra field names are sent as given');
  assert.equal((await c.brokerCampaignSettings({ program: 6 })).body.required_fields[0], 'first_name', 'kept as sent');
});

test('subnetwork ad spaces in input order, SMS-confirmed broker applications', async () => {
  const c = client();
  const made = await c.createSubnetworkWebsites({ websites: [{ name: 'Blog', url: 'https://blog.example/' }, { name: 'Channel', url: 'https://video.example/' }] });
  assert.deepEqual(made.items.map((w) => w.name), ['Blog', 'Channel']);
  await assert.rejects(c.createSubnetworkWebsites({ websites: [{ name: 'x', url: 'blog.example' }] }), { kind: 'invalid_input', field: 'url' });
  const app = await c.createBrokerApplication({ website: 22, program: 6, firstName: 'Ann', lastName: 'Lee', mobilePhone: '+70000000000',
    email: 'ann@example.com', userNotified: true, smsConfirmation: true });
  assert.equal(app.status, 'waiting_sms_verification');
});
