"""Query parameters adkit does not know yet (`extra_query`) on every vendor, as the sandbox saw them; an ad
space by name; the account fields of a token answer; ad-space paging."""

import asyncio
import json
import os
import uuid

import pytest

import adkit as ak
from host import requests_of

BASE = os.environ["ADKIT_SANDBOX_URL"]
RUN = uuid.uuid4().hex[:8]
EXTRA = [ak.QueryParam(name="brand_new", value="yes please"), ak.QueryParam(name="tag", value="a"),
         ak.QueryParam(name="tag", value="b&c"), ak.QueryParam(name="city", value="Zürich")]
SUFFIX = "brand_new=yes+please&tag=a&tag=b%26c&city=Z%C3%BCrich"


def with_suffix(path):
    """`path` with the extra pairs appended after the ones adkit sends."""
    return path + ("&" if "?" in path else "?") + SUFFIX


def admitad(cid, scopes):
    return ak.AdmitadClient(cid, f"secret_{cid}", scopes, options=ak.AdmitadClientOptions(base_url=BASE + "/admitad/"))


def test_adjust_and_adapty_calls_carry_the_extra_pairs():
    async def go():
        token = f"adj_py_xq_{RUN}"
        adjust = ak.AdjustClient(token, options=ak.AdjustClientOptions(base_url=BASE + "/adjust/api/"))
        store = f"com.example.xq.{RUN}"
        created = await adjust.create_app(ak.CreateApp(store_id=store, platform=ak.Platform.ANDROID(), name="Xq",
                                                              bundle_id=store), extra_query=EXTRA)
        await adjust.get_app(created.adjust_app_token)
        await adjust.get_app(created.adjust_app_token, extra_query=EXTRA)
        await adjust.get_app(created.adjust_app_token, extra_query=[])
        log = [r["path"] for r in requests_of(token)]
        assert log[0] == "/adjust/api/app?" + SUFFIX, log[0]
        assert log[2] == with_suffix(log[1]) and log[3] == log[1], log
        with pytest.raises(ak.AdkitError.InvalidInput) as e:
            await adjust.get_app(created.adjust_app_token, extra_query=[ak.QueryParam(name="", value="x")])
        assert e.value.field == "extra_query"
        with pytest.raises(ak.AdkitError.InvalidInput) as e:
            await adjust.get_app(created.adjust_app_token, extra_query=[ak.QueryParam(name="n", value="a\r\nb")])
        assert e.value.field == "extra_query.n"
        assert len(requests_of(token)) == 4, "bad input sends nothing"

        key = f"secret_py_xq_{RUN}"
        adapty = ak.AdaptyClient(secret_key=key, options=ak.AdaptyClientOptions(base_url=BASE + "/adapty/"))
        user = ak.AdaptyUser(customer_user_id="xq-1")
        await adapty.create_profile(user, ak.ProfileRequest(), extra_query=EXTRA)
        await adapty.get_profile(user)
        await adapty.get_profile(user, EXTRA)
        await adapty.list_paywalls(ak.ListPaywalls(page_size=5))
        await adapty.list_paywalls(ak.ListPaywalls(page_size=5), extra_query=EXTRA)
        log = [r["path"] for r in requests_of(key)]
        assert log[0] == log[1] + "?" + SUFFIX, log
        assert log[2] == with_suffix(log[1]) and log[4] == with_suffix(log[3]), log
        with pytest.raises(ak.AdkitError.InvalidInput):
            await adapty.get_profile(user, [ak.QueryParam(name=" ", value="x")])

    asyncio.run(go())


def test_admitad_calls_and_every_page_carry_the_extra_pairs():
    async def go():
        c = admitad(f"adm_py_xq_{RUN}", [ak.Scope.PUBLIC_DATA(), ak.Scope.PRIVATE_DATA(), ak.Scope.WEBSITES()])
        assert (await c.me(extra_query=EXTRA)).username == "webmaster1"
        pages = c.codes_paginator(ak.ListCodes(list=ak.CodeList.WEBSITE_REGIONS, limit=30), EXTRA)
        sizes = [len(p.items) async for p in pages]
        assert sizes == [30, 30, 20]
        codes = await c.collect_codes(ak.ListCodes(list=ak.CodeList.WEBSITE_REGIONS, limit=30), 100, extra_query=EXTRA)
        assert len(codes) == 80
        assert (await c.websites(extra_query=EXTRA)).count == 2
        key = c.tokens().access_token()
        log = [r["path"] for r in requests_of(key)]
        assert log[0] == "/admitad/me/?" + SUFFIX, log[0]
        assert len(log) == 8 and all(p.endswith("&" + SUFFIX) for p in log[1:7]), log
        assert [p.split("offset=")[1].split("&")[0] for p in log[1:4]] == ["0", "30", "60"], log
        assert log[7] == "/admitad/websites/v2/?" + SUFFIX, log[7]
        with pytest.raises(ak.AdkitError.InvalidInput) as e:
            await c.collect_codes(ak.ListCodes(list=ak.CodeList.WEBSITE_KINDS), 10, extra_query=[ak.QueryParam(name="", value="x")])
        assert e.value.field == "extra_query"
        assert len(requests_of(key)) == 8

    asyncio.run(go())


def test_website_by_name_tokens_and_ad_space_paging():
    async def go():
        cid = f"adm_py_name_{RUN}"
        c = admitad(cid, [ak.Scope.WEBSITES()])
        blog = await c.website_by_name(ak.GetWebsiteByName(name="My blog"))
        assert (blog.id, blog.name) == (22, "My blog")
        with pytest.raises(ak.AdkitError.NotFound):
            await c.website_by_name(ak.GetWebsiteByName(name="Мой блог"))
        with pytest.raises(ak.AdkitError.InvalidInput) as e:
            await c.website_by_name(ak.GetWebsiteByName(name=".."))
        assert e.value.field == "name"
        log = [r["path"] for r in requests_of(c.tokens().access_token())]
        assert log == ["/admitad/websites/v2/My%20blog/?search_by=name",
                       "/admitad/websites/v2/%D0%9C%D0%BE%D0%B9%20%D0%B1%D0%BB%D0%BE%D0%B3/?search_by=name"], log

        tokens = c.tokens()
        assert (tokens.first_name(), tokens.last_name(), tokens.language(), tokens.group()) == ("name", "surname", "ru", "webmaster")
        assert tokens.code() is None and tokens.username() == "webmaster1" and tokens.user_id() == 1
        raw = json.loads(tokens.raw())
        assert raw["group"] == "webmaster" and raw["first_name"] == "name"
        assert "access_token" not in raw and "refresh_token" not in raw
        assert json.loads(ak.AdmitadTokens("at", 1).raw()) is None

        pages = [[w.id for w in p.items] async for p in c.websites_paginator()]
        assert pages == [[22, 23]]
        assert [w.name for w in await c.collect_websites(ak.ListWebsites(), 10)] == ["My blog", "My channel"]
        with pytest.raises(ak.AdkitError.InvalidInput):
            await c.collect_websites(ak.ListWebsites(), 1)

    asyncio.run(go())
