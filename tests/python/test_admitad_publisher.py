"""The rest of Admitad's publisher API from Python (uniffi): reference lists through a paginator, memberships and
postbacks seen through the sandbox, a lost order with a receipt (multipart), JSON bodies, bad input."""

import asyncio
import json
import os
import uuid

import pytest

import adkit as ak

ROOT = os.environ["ADKIT_SANDBOX_URL"] + "/admitad/"
SCOPES = [
    "PUBLIC_DATA", "WEBSITES", "ADVCAMPAIGNS", "ADVCAMPAIGNS_FOR_WEBSITE", "MANAGE_ADVCAMPAIGNS", "BANNERS",
    "BANNERS_FOR_WEBSITE", "LANDINGS", "COUPONS", "COUPONS_FOR_WEBSITE", "PRIVATE_DATA_BALANCE", "SHORT_LINK",
    "REFERRALS", "ANNOUNCEMENTS", "WEB_NOTIFICATOR", "VENDOR_TOOL", "OPT_CODES", "MANAGE_OPT_CODES", "WEBMASTER_RETAG",
    "MANAGE_WEBMASTER_RETAG", "BROKEN_LINKS", "LOST_ORDERS", "MANAGE_LOST_ORDERS", "ALIEXPRESS_COMMISSION",
    "BROKER_APPLICATION", "MANAGE_BROKER_APPLICATION", "REQUEST_TRACKING_COUPON", "MANAGE_WEBSITES",
]


def client():
    cid = f"adm_py_pub_{uuid.uuid4().hex[:8]}"
    scopes = [getattr(ak.Scope, s)() for s in SCOPES]
    return ak.AdmitadClient(cid, f"secret_{cid}", scopes, options=ak.AdmitadClientOptions(base_url=ROOT))


def test_reference_lists_paginator_and_memberships():
    async def go():
        c = client()
        balance = await c.balance(ak.GetBalance(extended=True))
        assert (balance.items[0].currency, balance.items[0].balance, balance.items[0].processing) == ("USD", "20000.00", "120.50")
        assert balance.request_id.startswith("sbx-"), "the response's request id"
        pages = c.codes_paginator(ak.ListCodes(list=ak.CodeList.WEBSITE_REGIONS, limit=30))
        regions = []
        while (page := await pages.next_page()) is not None:
            regions += page.items
        assert len(regions) == 80 and regions[:3] == ["00", "01", "AE"]
        assert (await c.languages()).count == 5
        assert (await c.currency_rate(ak.GetCurrencyRate(base="USD", target="EUR", date="01.03.2024"))).rate == "0.9215"
        with pytest.raises(ak.AdkitError.InvalidInput):
            await c.currency_rate(ak.GetCurrencyRate(base="USD", target="EUR", date="2024-03-01"))
        assert (await c.change_membership(ak.ChangeMembership(action=ak.Membership.DETACH, program=6, website=22))).success == "Deleted"
        seen = await c.program_for_website(ak.GetProgramForWebsite(program=6, website=22))
        assert seen.connection_status == "disabled"
        banners = await c.collect_banners(ak.ListBanners(program=6, website=22, mobile_content=True, limit=10), 100)
        assert len(banners) == 22 and all(b.html_code for b in banners)
        offers = await c.promo_offers(ak.ListPromoOffers(program=6))
        assert json.loads(offers.items[0])["title"] == "Offer 1"
        with pytest.raises(ak.AdkitError.NotFound) as e:
            await c.tracking_coupon_status(ak.GetTrackingCouponStatus(request_id=999))
        assert e.value.info.code == "PROMO_REQUEST_NOT_FOUND" and e.value.info.status == 404

    asyncio.run(go())


def test_postbacks_retag_claims_and_partners():
    async def go():
        c = client()
        code = await c.save_opt_code(ak.SaveOptCode(
            kind=ak.OptCodeKind.ACTION, website=22, url="https://me.example/pb?o=[[[order_id]]]",
            method=ak.PostbackMethod.POST, desc_mode=ak.DescMode.SIMPLE, action_type=ak.ActionTypeFilter.SALE,
            statuses=[ak.ActionStatus.APPROVED]))
        assert (code.website, code.method, code.status) == (22, 1, [6])
        await c.save_opt_code(ak.SaveOptCode(kind=ak.OptCodeKind.ACTION, id=code.id, reward_ready=True))
        assert (await c.opt_code(ak.GetOptCode(id=code.id))).reward_ready is True
        with pytest.raises(ak.AdkitError.InvalidInput):
            await c.save_opt_code(ak.SaveOptCode(kind=ak.OptCodeKind.OFFER, url="ftp://x", method=ak.PostbackMethod.GET,
                                                 desc_mode=ak.DescMode.SIMPLE))
        tag = await c.save_retag(ak.SaveRetag(website=22, level=221, script="<script>t()</script>"))
        assert tag.level.id == 221 and tag.active is True
        await c.delete_retag(ak.DeleteRetag(id=tag.id))
        assert (await c.retags()).count == 0

        receipt = ak.Attachment(file_name="r.jpg", content_type="image/jpeg", bytes=b"\xff\xd8\xff\xe0jpeg")
        order = await c.create_lost_order(ak.CreateLostOrder(
            program=6, website=22, order_id="PY-1", order_date="05.03.2024", order_price="10.50", comment="Paid",
            estimated_reward="1.00", receipt=receipt))
        assert order.order_price == "10.50" and json.loads(order.raw)["receipt"]["size"] == 8
        listed = await c.lost_orders(ak.ListLostOrders(kind=ak.ClaimKind.LOST_ORDER))
        assert [o.id for o in listed.items] == [order.id]
        with pytest.raises(ak.AdkitError.InvalidInput):
            await c.create_appeal(ak.CreateAppeal(program=6, order_id="PY-1", comment="x",
                                                  receipt=ak.Attachment(file_name="r.gif", content_type="image/gif", bytes=b"GIF89a")))
        info = await c.lost_order_payments(ak.GetLostOrderPayments(program=6, order_ids=["abc"]))
        assert info.order_info[0].payment_id == 503

        rates = await c.aliexpress_commission_rates(ak.GetAliexpressCommissionRates(urls=["https://aliexpress.com/item/1.html"]))
        assert rates.commission_rates[0].hot_commission_rate == "9.5"
        app = await c.create_broker_application(ak.CreateBrokerApplication(
            website=22, program=6, first_name="Ann", last_name="Lee", mobile_phone="+70000000000",
            email="ann@example.com", user_notified=True, extra={"city": "Riga"}))
        assert app.status == "processing" and json.loads(app.raw)["fields"]["city"] == "Riga"
        marked = await c.mark_notifications_read(ak.MarkNotificationsRead())
        assert json.loads(marked.body) is None and marked.request_id.startswith("sbx-")
        made = await c.create_subnetwork_websites(ak.CreateSubnetworkWebsites(websites=[
            ak.NewWebsite(name="Blog", url="https://blog.example/"), ak.NewWebsite(name="Shop", url="https://shop.example/")]))
        assert [w.name for w in made.items] == ["Blog", "Shop"]

    asyncio.run(go())


def test_paginators_iterate_async_and_blocking():
    async def go():
        c = client()
        regions = [code async for page in c.codes_paginator(ak.ListCodes(list=ak.CodeList.WEBSITE_REGIONS, limit=25))
                   for code in page.items]
        assert len(regions) == 80

    asyncio.run(go())
    cid = f"adm_py_blk_{uuid.uuid4().hex[:8]}"
    blocking = ak.BlockingAdmitadClient(cid, f"secret_{cid}", [ak.Scope.PUBLIC_DATA()], options=ak.AdmitadClientOptions(base_url=ROOT))
    sizes = [len(p.items) for p in blocking.categories_paginator(ak.ListCategories(limit=15))]
    assert sizes == [15, 15, 10]
    assert blocking.currency_rate(ak.GetCurrencyRate(base="EUR", target="USD", date="01.03.2024")).rate == "1.0852"
