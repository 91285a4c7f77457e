// Admitad from Kotlin (uniffi bindings) against the sandbox: the authorization-code flow, the managed
// token with a persistence listener, the statistics paginator, a refresh storm, bad input.

import java.net.HttpURLConnection
import java.net.URI
import java.net.http.HttpClient
import java.util.Collections
import kotlinx.coroutines.async
import kotlinx.coroutines.awaitAll
import kotlinx.coroutines.coroutineScope
import kotlinx.coroutines.runBlocking
import uniffi.adkit.*
import uniffi.adkit_uniffi.*
import java.net.http.HttpRequest as JdkRequest
import java.net.http.HttpResponse as JdkResponse

fun admitadChecks(base: String, run: String) {
    val root = "$base/admitad/"
    fun client(id: String, scopes: List<Scope>, tokens: AdmitadTokens? = null, listener: AdmitadTokenListener? = null) =
        AdmitadClient(id, "secret_$id", scopes, tokens, listener, AdmitadClientOptions(baseUrl = root))

    check("admitad authorization-code flow, listener, stored tokens") {
        val seen = mutableListOf<String?>()
        val listener = object : AdmitadTokenListener {
            override fun onTokens(tokens: AdmitadTokens) { seen.add(tokens.refreshToken()) }
        }
        val id = "adm_kt_$run"
        val c = client(id, listOf(Scope.PrivateData), listener = listener)
        val redirect = "http://127.0.0.1:9/cb"
        val auth = c.authorizationUrl(redirect)
        val conn = URI.create(auth.url).toURL().openConnection() as HttpURLConnection
        conn.instanceFollowRedirects = false
        expect(conn.responseCode == 302, "302")
        val location = conn.getHeaderField("Location")
        expectThrows<AdkitException.Verification> { parseAdmitadCallback(location, "0".repeat(32)) }
        val tokens = c.exchangeCode(parseAdmitadCallback(location, auth.state), redirect)
        expect(!tokens.toString().contains(tokens.accessToken()), "tokens never print")
        expect(c.me().username == "webmaster1", "me")
        expect(seen == listOf(tokens.refreshToken()), "listener saw the pair")
        val restored = client(id, listOf(Scope.PrivateData), AdmitadTokens(tokens.accessToken(), tokens.expiresAtMs(), tokens.refreshToken(), tokens.scope()))
        restored.me()
        expect(restored.tokenRequests() == 0uL, "no token request from stored tokens")
    }

    check("admitad publisher lists, paginators, link checker") {
        val c = client("adm_kt_pub_$run", listOf(Scope.Websites, Scope.Advcampaigns, Scope.Coupons, Scope.ValidateLinks, Scope.ManageBrokenLinks))
        expect(c.websites().items.map { it.id } == listOf(22uL, 23uL), "string and number ids")
        val pager = c.programsPaginator(ListPrograms(limit = 50u))
        val sizes = mutableListOf<Int>()
        while (true) { val p = pager.nextPage() ?: break; sizes.add(p.items.size) }
        expect(sizes == listOf(50, 50, 20), "program pages $sizes")
        expect(c.program(GetProgram(7uL)).rating == "7.5", "decimal rating")
        expectThrows<AdkitException.NotFound> { runBlocking { c.program(GetProgram(999uL)) } }
        expect(c.collectCoupons(ListCoupons(campaign = listOf(2uL, 3uL), limit = 500u), 100uL).size == 20, "coupons")
        expect(!c.validateLink(ValidateLink("https://elsewhere.example/")).valid, "link check")
        expect(c.resolveBrokenLinks(ResolveBrokenLinks(listOf(10uL, 20uL))).resolved == listOf(10uL, 20uL), "resolve")
    }

    check("admitad paginator follows _meta, refresh storm makes one request") {
        val id = "adm_kt_storm_$run"
        val c = client(id, listOf(Scope.Statistics, Scope.PrivateData))
        val pager = c.statisticsPaginator(ListStatistics(report = StatisticsReport.Dates, limit = 500u, offset = 99_000uL))
        val offsets = mutableListOf<ULong>()
        while (true) { val p = pager.nextPage() ?: break; offsets.add(p.offset) }
        expect(offsets == listOf(99_000uL, 99_300uL, 99_600uL, 99_900uL), "offsets $offsets")
        val t = c.tokens()!!
        val stale = client(id, listOf(Scope.PrivateData), AdmitadTokens(t.accessToken(), 0uL, t.refreshToken(), t.scope()))
        coroutineScope { (1..200).map { async { stale.me() } }.awaitAll() }
        expect(stale.tokenRequests() == 1uL, "one refresh for 200 calls, got ${stale.tokenRequests()}")
        expectThrows<AdkitException.InvalidInput> { runBlocking { c.statistics(ListStatistics(report = StatisticsReport.Websites, limit = 501u)) } }
        expectThrows<AdkitException.InvalidInput> {
            runBlocking { c.deeplinks(GetDeeplinks(websiteId = 1uL, campaignId = 2uL, ulp = listOf("https://e/"), subid = "x".repeat(51))) }
        }
        expectThrows<AdkitException.InvalidInput> { c.authorizationUrl("http://example.com/cb") }
    }

    check("admitad reference paginator, memberships, postbacks, lost order with a receipt, partners") {
        val all = listOf(Scope.PublicData, Scope.AdvcampaignsForWebsite, Scope.ManageAdvcampaigns, Scope.PrivateDataBalance,
            Scope.OptCodes, Scope.ManageOptCodes, Scope.LostOrders, Scope.ManageLostOrders, Scope.AliexpressCommission,
            Scope.BrokerApplication, Scope.ManageBrokerApplication, Scope.WebNotificator, Scope.ManageWebsites)
        val c = client("adm_kt_more_$run", all)
        val balance = c.balance(GetBalance(extended = true))
        expect(balance.items[1].stalled == "12.10", "decimal text ${balance.items[1].stalled}")
        expect(balance.requestId?.startsWith("sbx-") == true, "request id ${balance.requestId}")
        val pages = c.codesPaginator(ListCodes(list = CodeList.WEBSITE_REGIONS, limit = 30u))
        val regions = mutableListOf<String>()
        while (true) { val p = pages.nextPage() ?: break; regions.addAll(p.items) }
        expect(regions.size == 80 && regions.take(2) == listOf("00", "01"), "regions ${regions.size}")
        expect(c.currencies().items[2].minSum == "500", "a number read as a decimal")
        c.changeMembership(ChangeMembership(action = Membership.DETACH, program = 6uL, website = 22uL))
        expect(c.programForWebsite(GetProgramForWebsite(program = 6uL, website = 22uL)).connectionStatus == "disabled", "state through the sandbox")
        val code = c.saveOptCode(SaveOptCode(kind = OptCodeKind.ACTION, website = 22uL, url = "https://me.example/pb?o=[[[order_id]]]",
            method = PostbackMethod.GET, descMode = DescMode.ADVANCED, actionType = ActionTypeFilter.LEAD, statuses = listOf(ActionStatus.NEW)))
        expect(code.status == listOf(5uL) && code.method == 0uL, "postback ${code.status}")
        expect(c.optCodes().count == 1uL, "one postback")
        expectThrows<AdkitException.InvalidInput> { runBlocking { c.saveOptCode(SaveOptCode(kind = OptCodeKind.ACTION, url = "https://x/")) } }
        val receipt = Attachment(fileName = "r.pdf", contentType = "application/pdf", bytes = "%PDF-1.7 kt".toByteArray())
        val order = c.createLostOrder(CreateLostOrder(program = 6uL, website = 22uL, orderId = "KT-1", orderDate = "05.03.2024",
            orderPrice = "99.99", comment = "Paid", estimatedReward = "5.00", receipt = receipt))
        expect(order.orderPrice == "99.99" && order.raw.contains("\"size\":11"), "receipt arrived whole: ${order.raw}")
        expectThrows<AdkitException.InvalidInput> {
            runBlocking { c.createLostOrder(CreateLostOrder(program = 6uL, website = 22uL, orderId = "KT-2", orderDate = "05.03.2024",
                orderPrice = "1,5", comment = "x", estimatedReward = "1", receipt = receipt)) }
        }
        val rates = c.aliexpressCommissionRates(GetAliexpressCommissionRates(urls = listOf("https://aliexpress.com/item/2.html")))
        expect(rates.commissionRates[0].commissionRate == "7.0", "commission")
        val app = c.createBrokerApplication(CreateBrokerApplication(website = 22uL, program = 6uL, firstName = "Ann", lastName = "Lee",
            mobilePhone = "+70000000000", email = "ann@example.com", userNotified = false))
        expect(app.status == "waiting", "broker ${app.status}")
        expect(c.markNotificationsRead(MarkNotificationsRead()).body == "null", "empty answer")
        val made = c.createSubnetworkWebsites(CreateSubnetworkWebsites(listOf(NewWebsite("Blog", "https://blog.example/"), NewWebsite("Shop", "https://shop.example/"))))
        expect(made.items.map { it.name } == listOf("Blog", "Shop"), "subnetwork ad spaces in input order")
    }

    check("admitad: a throwing token listener keeps the token") {
        val told = Collections.synchronizedList(mutableListOf<String>())
        val throwing = object : AdmitadTokenListener {
            override fun onTokens(tokens: AdmitadTokens) {
                told.add(tokens.accessToken())
                throw java.io.IOException("token store is read-only")
            }
        }
        val c = client("adm_kt_throw_$run", listOf(Scope.PrivateData), listener = throwing)
        expect(c.me().username == "webmaster1", "the call that minted the token succeeded")
        expect(c.tokenRequests() == 1uL && told.size == 1, "one token request, told once")
        expect(c.tokens()!!.accessToken() == told[0], "the client kept the pair")
        c.me()
        expect(c.tokenRequests() == 1uL, "no new token request")
        val failures = c.takeListenerFailures()
        expect(failures.map { it.listener } == listOf("AdmitadTokenListener.on_tokens"), "failures $failures")
        expect(failures[0].message.contains("token store is read-only"), failures[0].message)
    }

    check("admitad: an undecodable token response never shows the tokens") {
        val id = "adm_kt_leak_$run"
        val basic = java.util.Base64.getEncoder().encodeToString("$id:secret_$id".toByteArray())
        val bodies = listOf(
            """{"access_token":"","refresh_token":"LEAKME","scope":7}""",
            """{"access_token":"ATLEAK","refresh_token":"LEAKME","scope":7}""",
        )
        fault(base, basic, bodies.joinToString(",", "[", "]") { """{"status":200,"body":${jsonString(it)}}""" })
        val c = client(id, listOf(Scope.PrivateData))
        repeat(2) {
            val e = expectThrows<AdkitException.Decode> { runBlocking { c.me() } }
            val shown = listOf(e.toString(), e.message ?: "", e.info.toString(), e.info.bodyExcerpt, e.info.detail, e.stackTraceToString())
            expect(shown.none { it.contains("LEAKME") || it.contains("ATLEAK") }, "a token printed: $shown")
        }
        expect(attempts(base, basic) == 2, "both answers served")
    }

    check("extraQuery on every vendor: the pairs arrive appended, on every page; a bad name is InvalidInput") {
        val extra = listOf(QueryParam("brand_new", "yes please"), QueryParam("tag", "a"), QueryParam("tag", "b&c"), QueryParam("city", "Zürich"))
        val suffix = "brand_new=yes+please&tag=a&tag=b%26c&city=Z%C3%BCrich"
        fun paths(key: String) = Regex("\"path\":\"([^\"]*)\"").findAll(
            control(base, "GET", "/__sandbox/requests?key=${java.net.URLEncoder.encode(key, "UTF-8")}")).map { it.groupValues[1] }.toList()
        val c = client("adm_kt_xq_$run", listOf(Scope.PublicData, Scope.PrivateData))
        c.me(extra)
        val pages = c.codesPaginator(ListCodes(list = CodeList.WEBSITE_REGIONS, limit = 30u), extra)
        var n = 0
        while (true) { pages.nextPage() ?: break; n++ }
        val log = paths(c.tokens()!!.accessToken())
        expect(n == 3 && log.size == 4, "three pages: $log")
        expect(log[0] == "/admitad/me/?$suffix", "me: ${log[0]}")
        expect(log.drop(1).all { it.endsWith("&$suffix") }, "every page: $log")
        val e = expectThrows<AdkitException.InvalidInput> { runBlocking { c.me(listOf(QueryParam("", "x"))) } }
        expect(e.field == "extra_query", "field ${e.field}")

        val token = "adj_kt_xq_$run"
        val adjust = AdjustClient(token, null, AdjustClientOptions(baseUrl = "$base/adjust/api/"))
        try { adjust.getApp("abcdefabcdef", extra) } catch (_: AdkitException.NotFound) {}
        expect(paths(token).single().endsWith("/app/abcdefabcdef/?$suffix"), "adjust: ${paths(token)}")
        val key = "secret_kt_xq_$run"
        val adapty = AdaptyClient(key, null, AdaptyClientOptions(baseUrl = "$base/adapty/"))
        adapty.listPaywalls(extraQuery = extra)
        expect(paths(key).single().endsWith("?$suffix"), "adapty: ${paths(key)}")
    }
}
