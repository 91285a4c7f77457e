// Adapty from Kotlin (uniffi bindings) against the sandbox, with the built-in and the Kotlin transport:
// profiles and access, typed errors, bad input refused before sending, exports, the Web API, webhooks
// received by AdaptyWebhookReceiver, and bulk work with a progress listener.

import com.sun.net.httpserver.HttpServer
import java.net.InetSocketAddress
import java.net.URI
import java.net.http.HttpClient
import java.util.Collections
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
            val j = c.exportPlacements(PlacementsExportRequest(PlacementType.Paywall, ExportFormat.JSON))
            val s = c.exportPlacements(PlacementsExportRequest(PlacementType.Paywall, ExportFormat.CSV))
            expect(j.rows == s.rows && j.rows.size == 5, "same rows")
            expect(s.raw.startsWith("developer_id,"), "raw csv")
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
}
