// Adapty from Kotlin (uniffi bindings) against the sandbox, with the built-in and the Kotlin transport:
// profiles and access, typed errors, bad input refused before sending, exports, the Web API, webhooks
// received by AdaptyWebhookReceiver, and bulk work with a progress listener.

import com.sun.net.httpserver.HttpServer
import java.net.InetSocketAddress
import java.net.URI
import java.net.http.HttpClient
import java.util.Collections
import kotlinx.coroutines.CancellationException
import kotlinx.coroutines.async
import kotlinx.coroutines.coroutineScope
import kotlinx.coroutines.delay
import kotlinx.coroutines.runBlocking
import uniffi.adkit.*
import uniffi.adkit_uniffi.*
import java.net.http.HttpRequest as JdkRequest
import java.net.http.HttpResponse as JdkResponse

fun adaptyChecks(base: String, run: String) {
    val root = "$base/adapty/"
    for (mode in listOf("native", "kotlin")) {
        val transport = if (mode == "kotlin") JdkTransport() else null
        val key = "secret_kt_${run}_$mode"
        val c = AdaptyClient(secretKey = key, options = AdaptyClientOptions(baseUrl = root), transport = transport)
        check("adapty profile, access and errors ($mode transport)") {
            val u = AdaptyUser(customerUserId = "kt-1")
            val p = c.createProfile(u, ProfileRequest(customAttributes = listOf(CustomAttribute("level", AttributeValue.Number(3.0)))))
            expect(p.customerUserId == "kt-1", "cuid")
            expect(p.customAttributes[0].value == AttributeValue.Number(3.0), "attribute")
            val g = c.grantAccessLevel(u, GrantAccessLevelRequest("premium"))
            expect(g.accessLevels.single().accessLevelId == "premium", "granted")
            val bad = expectThrows<AdkitException.Api> { runBlocking { c.grantAccessLevel(u, GrantAccessLevelRequest("gold")) } }
            expect(bad.info.code == "paid_access_level_does_not_exist", "code ${bad.info.code}")
            c.deleteProfile(u)
            val gone = expectThrows<AdkitException.NotFound> { runBlocking { c.getProfile(u) } }
            expect(gone.info.status.toInt() == 404, "404")
            val gone400 = expectThrows<AdkitException.NotFound> { runBlocking { c.grantAccessLevel(u, GrantAccessLevelRequest("premium")) } }
            expect(gone400.info.status.toInt() == 400, "400 form")
        }
        check("adapty exports and Web API ($mode transport)") {
            val j = c.exportPlacements(ExportPlacements(PlacementType.Paywall, ExportFormat.JSON))
            val s = c.exportPlacements(ExportPlacements(PlacementType.Paywall, ExportFormat.CSV))
            expect(j.rows == s.rows && j.rows.size == 5, "same rows")
            expect(s.raw.startsWith("developer_id,"), "raw csv")
            val pages = c.paywallsPaginator(ListPaywalls(pageSize = 20u))
            val sizes = generateSequence { runBlocking { pages.nextPage() } }.map { it.items.size }.toList()
            expect(sizes == listOf(20, 20, 5), "paywall pages $sizes")
            expect(c.collectPaywalls(ListPaywalls(), 45uL).map { it.paywallId }.toSet().size == 45, "collected")
            expectThrows<AdkitException.InvalidInput> { runBlocking { c.collectPaywalls(ListPaywalls(), 44uL) } }
            val web = AdaptyClient(publicKey = "public_kt_${run}_$mode", options = AdaptyClientOptions(baseUrl = root), transport = transport)
            val pw = web.getWebPaywall(WebPaywallRequest(store = "app_store", placementId = "main", customerUserId = "kt-web"))
            expect(pw.products[0].basePlanId == null, "\"null\" base plan reads as null")
            val noSecret = expectThrows<AdkitException.InvalidInput> { runBlocking { web.getProfile(AdaptyUser(customerUserId = "x")) } }
            expect(noSecret.field == "secret_key", "needs secret key")
        }
    }

    check("adapty bad input is refused before sending") {
        val key = "secret_kt_bad_$run"
        val c = AdaptyClient(secretKey = key, options = AdaptyClientOptions(baseUrl = root))
        val both = expectThrows<AdkitException.InvalidInput> {
            runBlocking { c.getProfile(AdaptyUser(profileId = "3286abd3-48b0-4e9c-a5f6-ac0a006333a6", customerUserId = "x")) }
        }
        expect(both.field == "user", "both ids")
        val crlf = expectThrows<AdkitException.InvalidInput> { runBlocking { c.getProfile(AdaptyUser(customerUserId = "a\r\nb")) } }
        expect(crlf.field == "customer_user_id", "crlf")
        val date = expectThrows<AdkitException.InvalidInput> {
            runBlocking { c.revokeAccessLevel(AdaptyUser(customerUserId = "x"), RevokeAccessLevelRequest("premium", "2024-13-01T00:00:00Z")) }
        }
        expect(date.field == "revoke_at", "date")
        val log = HttpClient.newHttpClient().send(
            JdkRequest.newBuilder(URI.create("$base/__sandbox/requests?key=$key")).build(), JdkResponse.BodyHandlers.ofString()).body()
        expect(log == "[]", "nothing sent: $log")
    }

    check("adapty webhooks end to end and bulk") {
        val receiver = AdaptyWebhookReceiver("Bearer kt-hook")
        val seen = Collections.synchronizedList(mutableListOf<WebhookDelivery>())
        val server = HttpServer.create(InetSocketAddress("127.0.0.1", 0), 0)
        server.createContext("/hook") { ex ->
            val headers = ex.requestHeaders.flatMap { (k, vs) -> vs.map { HttpHeader(k, it) } }
            val (status, reply) = try {
                seen.add(receiver.receive(headers, ex.requestBody.readBytes()))
                200 to receiver.ackBody()
            } catch (e: AdkitException.Verification) {
                401 to "{}"
            }
            val bytes = reply.toByteArray()
            ex.sendResponseHeaders(status, bytes.size.toLong())
            ex.responseBody.use { it.write(bytes) }
        }
        server.start()
        try {
            val key = "secret_kt_hook_$run"
            val reg = """{"key":"$key","url":"http://127.0.0.1:${server.address.port}/hook","authorization":"Bearer kt-hook"}"""
            val r = HttpClient.newHttpClient().send(
                JdkRequest.newBuilder(URI.create("$base/__sandbox/adapty/webhook")).header("content-type", "application/json")
                    .POST(JdkRequest.BodyPublishers.ofString(reg)).build(), JdkResponse.BodyHandlers.ofString())
            expect(r.statusCode() == 200, "handshake: ${r.body()}")
            expect(seen[0] is WebhookDelivery.Verification, "verification first")
            val c = AdaptyClient(secretKey = key, options = AdaptyClientOptions(baseUrl = root))
            val users = (0 until 10).map { AdaptyUser(customerUserId = "kt-bulk-$it") }
            users.forEach { c.createProfile(it, ProfileRequest()) }
            val progress = Collections.synchronizedList(mutableListOf<UInt>())
            val listener = object : BulkProgressListener {
                override fun onProgress(progress_: BulkProgress) { progress.add(progress_.done) }
            }
            val report = c.bulk(BulkOperation.Grant(GrantAccessLevelRequest("pro")), users, BulkOptions(4u, true), listener)
            expect(report.succeeded == 10u && report.items.map { it.index.toInt() } == (0 until 10).toList(), "in order")
            expect(progress.sorted() == (1u..10u).toList(), "progress $progress")
            val deleted = c.bulk(BulkOperation.Delete, users + AdaptyUser(customerUserId = "ghost"))
            expect(deleted.succeeded == 10u && deleted.items.last().failure!!.kind == "not_found", "delete report")
            repeat(100) { if (seen.size < 11) Thread.sleep(20) }
            val events = seen.filterIsInstance<WebhookDelivery.Event>().map { it.event }
            expect(events.size == 10, "events ${events.size}")
            expect(events.all { it.eventType == WebhookEventType.AccessLevelUpdated && it.dedupeKey != null }, "typed events")
        } finally {
            server.stop(0)
        }
    }

    check("adapty: a throwing bulk listener loses nothing") {
        val key = "secret_kt_bulk_throw_$run"
        val c = AdaptyClient(secretKey = key, options = AdaptyClientOptions(baseUrl = root))
        val users = (0 until 20).map { AdaptyUser(customerUserId = "kt-throw-$it") }
        users.forEach { c.createProfile(it, ProfileRequest()) }
        val told = Collections.synchronizedList(mutableListOf<UInt>())
        val throwing = object : BulkProgressListener {
            override fun onProgress(progress: BulkProgress) {
                told.add(progress.done)
                if (progress.done >= 6u) throw RuntimeException("dashboard unreachable at ${progress.done}")
            }
        }
        val report = c.bulk(BulkOperation.Delete, users, BulkOptions(4u, true), throwing)
        expect(report.succeeded == 20u && report.failed == 0u, "report ${report.succeeded}/${report.failed}")
        expect(report.items.map { it.index.toInt() } == (0 until 20).toList() && report.items.all { it.failure == null }, "every user reported")
        expect(told.sorted() == (1u..20u).toList(), "still told after throwing: $told")
        val failures = c.takeListenerFailures()
        expect(failures.size == 15 && failures.all { it.listener == "BulkProgressListener.on_progress" }, "failures $failures")
        expect(failures[0].message.contains("dashboard unreachable"), failures[0].message)
        users.forEach { u -> expectThrows<AdkitException.NotFound> { runBlocking { c.getProfile(u) } } }
    }

    check("adapty webhook receiver needs a value and a matching header") {
        expectThrows<AdkitException.InvalidInput> { AdaptyWebhookReceiver(null) }
        expectThrows<AdkitException.InvalidInput> { AdaptyWebhookReceiver("") }
        expectThrows<AdkitException.InvalidInput> { AdaptyWebhookReceiver(null, "") }
        val receiver = AdaptyWebhookReceiver("Bearer kt-hook")
        val body = "{}".toByteArray()
        for (headers in listOf(emptyList(), listOf(HttpHeader("Authorization", "")), listOf(HttpHeader("Authorization", "Bearer nope")))) {
            expectThrows<AdkitException.Verification> { receiver.receive(headers, body) }
        }
        expect(receiver.receive(listOf(HttpHeader("authorization", "Bearer kt-hook")), body) is WebhookDelivery.Verification, "handshake")
        expectThrows<AdkitException.Verification> { AdaptyWebhookReceiver(null, "Bearer sb").receive(listOf(HttpHeader("Authorization", "")), body) }
        expect(!receiver.toString().contains("kt-hook"), "receiver prints no value")
    }

    faultMatrixChecks(base, run)
}

/** What a fault-matrix cell expects: the error (kind, transport kind) and the attempts the sandbox counted. */
data class Cell(val error: String, val attempts: Int)

fun errorOf(e: Throwable?): String = when (e) {
    null -> "none"
    is AdkitException.Transport -> "transport:${e.kind}"
    is AdkitException -> e::class.simpleName ?: "?"
    else -> e.toString()
}

/**
 * The fault matrix's Kotlin rows (where transports differ), against a repeatable GET (getProfile) and a
 * non-repeatable POST (revokeAccessLevel), with the built-in transport and the Kotlin one.
 */
fun faultMatrixChecks(base: String, run: String) {
    val other = System.getenv("ADKIT_OTHER_ORIGIN")
    val raw = System.getenv("ADKIT_RAW_FAULTS_URL")
    // Well over the 16 MiB cap: the cap is reached long before the sandbox, which never reads a faulted
    // request's body, can end the connection.
    val big = 32 * 1024 * 1024
    class Row(val name: String, val faults: String?, val raw: String?, val get: Cell, val post: Cell, val jdkGet: Cell = get)
    val rows = listOf(
        // java.net.http re-sends a GET once on a connection closed before any byte arrived (its rule for
        // stale pooled connections), so each of adkit's two attempts reaches the server twice.
        Row("connection reset", null, "reset", Cell("transport:OTHER", 2), Cell("transport:OTHER", 1), jdkGet = Cell("transport:OTHER", 4)),
        Row("truncated body", null, "truncated", Cell("transport:OTHER", 2), Cell("transport:OTHER", 1)),
        Row("oversized body with Content-Length", """[{"oversized_bytes":$big,"times":10}]""", null,
            Cell("transport:BODY_TOO_LARGE", 1), Cell("transport:BODY_TOO_LARGE", 1)),
        Row("oversized body without Content-Length", """[{"oversized_bytes":$big,"chunked":true,"times":10}]""", null,
            Cell("transport:BODY_TOO_LARGE", 1), Cell("transport:BODY_TOO_LARGE", 1)),
        Row("body slower than the timeout", """[{"slow_body_ms":4000,"times":10}]""", null,
            Cell("transport:TIMEOUT", 2), Cell("transport:TIMEOUT", 1)),
        Row("cross-origin redirect", """[{"redirect_to":"$other/elsewhere-TAG/","times":10}]""", null, Cell("Decode", 1), Cell("Api", 1)),
        Row("redirect loop", """[{"redirect_to":"$base/adapty/loop/","times":10}]""", null, Cell("transport:REDIRECT", 6), Cell("Api", 1)),
    )
    val user = AdaptyUser(customerUserId = "kt-matrix")
    for (mode in listOf("native", "kotlin")) {
        rows.forEachIndexed { i, row ->
            val get = if (mode == "kotlin") row.jdkGet else row.get
            for ((column, expected) in listOf("GET" to get, "POST" to row.post)) {
                check("fault matrix: ${row.name}, $column ($mode transport)") {
                    val key = "secret_kt_fm_${run}_${i}_${column}_$mode"
                    val tag = "ktfm$run$i$column$mode".lowercase()
                    if (row.raw != null && raw == null) {
                        throw AssertionError("ADKIT_RAW_FAULTS_URL is not set (the sandbox's third line)")
                    }
                    if (row.faults != null) fault(base, key, row.faults.replace("TAG", tag))
                    val root = if (row.raw != null) "$raw/${row.raw}/$tag/" else "$base/adapty/"
                    val t = if (mode == "kotlin") JdkTransport() else null
                    val timeout = if (row.name == "body slower than the timeout") 1_000uL else 10_000uL
                    val c = AdaptyClient(secretKey = key, options = AdaptyClientOptions(baseUrl = root, timeoutMs = timeout, maxRetries = 1u), transport = t)
                    val e = runCatching {
                        if (column == "GET") c.getProfile(user) else c.revokeAccessLevel(user, RevokeAccessLevelRequest("premium"))
                    }.exceptionOrNull()
                    val n = if (row.raw != null) {
                        Regex("\"hits\":(\\d+)").find(control(base, "GET", "/__sandbox/raw-hits?tag=$tag"))!!.groupValues[1].toInt()
                    } else attempts(base, key)
                    expect(Cell(errorOf(e), n) == expected, "expected $expected, got ${Cell(errorOf(e), n)}: $e")
                    if (t != null && expected.error == "transport:BODY_TOO_LARGE") {
                        expect((e as AdkitException.Transport).detail.contains("kotlin transport"), "the Kotlin transport stopped reading: ${e.detail}")
                    }
                    if (row.name == "cross-origin redirect") {
                        val seen = Regex("\\{[^{}]*elsewhere-$tag[^{}]*\\}").findAll(control(base, "GET", "/__sandbox/other-origin/requests")).map { it.value }.toList()
                        if (column == "GET") {
                            expect(seen.size == 1 && seen[0].contains("x-adkit-client"), "followed once: $seen")
                            expect(!seen[0].contains("authorization") && !seen[0].contains("adapty-customer-user-id"), "no credential: $seen")
                        } else {
                            expect(seen.isEmpty(), "a POST is not redirected: $seen")
                        }
                    }
                }
            }
        }
        check("fault matrix: cancel ($mode transport)") {
            val key = "secret_kt_fm_${run}_cancel_$mode"
            fault(base, key, """[{"delay_ms":5000}]""")
            val t = if (mode == "kotlin") JdkTransport() else null
            val c = AdaptyClient(secretKey = key, options = AdaptyClientOptions(baseUrl = "$base/adapty/", maxRetries = 2u), transport = t)
            val e = coroutineScope {
                val call = async { c.getProfile(user) }
                repeat(500) { if (attempts(base, key) == 0) delay(10) }
                expect(attempts(base, key) == 1, "the request is in flight")
                call.cancel()
                runCatching { call.await() }.exceptionOrNull()
            }
            expect(e is CancellationException, "cancelled: $e")
            if (t != null) {
                repeat(500) { if (t.cancelled.get() == 0) delay(10) }
                expect(t.cancelled.get() == 1, "the Kotlin transport's send was cancelled")
            }
            expect(attempts(base, key) == 1, "never retried")
        }
    }
}
