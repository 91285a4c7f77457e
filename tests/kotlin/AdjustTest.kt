// adkit from Kotlin (uniffi bindings) against the sandbox, once with the built-in transport and once
// with a transport written in Kotlin (java.net.http). Prints "N passed, M failed"; exits 1 on failure.

import java.net.URI
import java.net.http.HttpClient
import java.util.UUID
import kotlinx.coroutines.future.await
import kotlinx.coroutines.runBlocking
import uniffi.adkit.*
import uniffi.adkit_uniffi.*
import uniffi.adkit_uniffi.HttpRequest as FfiRequest
import uniffi.adkit_uniffi.HttpResponse as FfiResponse
import java.net.http.HttpRequest as JdkRequest
import java.net.http.HttpResponse as JdkResponse

class JdkTransport : HttpTransport {
    private val client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
    var calls = 0

    override suspend fun send(request: FfiRequest): FfiResponse {
        calls++
        val b = JdkRequest.newBuilder(URI.create(request.url)).timeout(java.time.Duration.ofMillis(request.timeoutMs.toLong()))
        // "host" and similar are restricted in the JDK client; the transport sets them itself.
        request.headers.forEach { b.header(it.name, it.value) }
        val body = if (request.body.isEmpty()) JdkRequest.BodyPublishers.noBody() else JdkRequest.BodyPublishers.ofByteArray(request.body)
        b.method(request.method, body)
        val r = try {
            client.sendAsync(b.build(), JdkResponse.BodyHandlers.ofByteArray()).await()
        } catch (e: java.net.ConnectException) {
            throw TransportException.Connect(e.toString())
        } catch (e: java.net.http.HttpTimeoutException) {
            throw TransportException.Timeout(e.toString())
        }
        val headers = r.headers().map().flatMap { (k, vs) -> vs.map { HttpHeader(k, it) } }
        return FfiResponse(r.statusCode().toUShort(), headers, r.body())
    }
}

var passed = 0
var failed = 0

fun check(name: String, block: suspend () -> Unit) {
    try {
        runBlocking { block() }
        passed++
        println("ok   $name")
    } catch (e: Throwable) {
        failed++
        println("FAIL $name: $e")
        e.printStackTrace()
    }
}

fun expect(cond: Boolean, what: String) {
    if (!cond) throw AssertionError(what)
}

inline fun <reified E : Throwable> expectThrows(block: () -> Unit): E {
    try {
        block()
    } catch (e: Throwable) {
        if (e is E) return e
        throw AssertionError("expected ${E::class.simpleName}, got $e")
    }
    throw AssertionError("expected ${E::class.simpleName}, nothing thrown")
}

fun main(args: Array<String>) {
    val base = args[0]
    val adjust = "$base/adjust/api/"
    val run = UUID.randomUUID().toString().substring(0, 8)
    val hash = List(20) { "AB" }.joinToString(":")
    val fast = WaitOptions(10_000uL, 5uL, 20uL)

    for (mode in listOf("native", "kotlin")) {
        val transport = if (mode == "kotlin") JdkTransport() else null
        val client = AdjustClient("adj_kt_${run}_$mode", "sig_kt", AdjustClientOptions(baseUrl = adjust), transport)
        check("every endpoint ($mode transport)") {
            val store = "com.example.kt.$mode"
            val created = client.createApp(CreateAppRequest(store, Platform.Android, "Kt App", store))
            expect(created.adjustAppToken.length == 12, "token length")
            expect(created.requestId!!.startsWith("sbx-"), "request id")
            val app = created.adjustAppToken
            expect(client.getApp(app).name == "Kt App", "get")
            expect(client.findApp(store, Platform.Android).adjustAppToken == app, "find via redirect")
            val seen = mutableListOf<String>()
            val listener = object : TicketProgressListener {
                override fun onProgress(status: TicketStatus) { seen.add(status.status.toString()) }
            }
            val done = client.waitForTicket(created.ticketToken!!, fast, listener)
            expect(done.status == TicketState.Completed, "completed: ${done.status}")
            expect(seen.size == 3, "progress $seen")
            expect(done.sections["events"]!!.successes == listOf("\"install\"", "\"purchase\""), "sections")
            val urls = client.createCampaign(CreateCampaignRequest(store, Platform.Android, "organic"))
            expect(urls.clickUrl.startsWith("https://app.adjust.com/"), "campaign")
            expect(client.listChannels(app).channels == listOf("organic"), "channels")
            expect(client.getSignature(store).androidAppToken == app, "signature libs")
            val gen = client.generateSignature(GenerateSignatureRequest(app, Platform.Android, hash))
            val sig = client.waitForTicket(gen.ticketToken, fast)
            expect(sig.signatures["android"]!!.success, "signature result")
            expect(client.getTicketStatus(gen.ticketToken).status == TicketState.Completed, "status")
            expect(client.updateApp(UpdateAppRequest(app, name = "Renamed")).name == "Renamed", "update")
            if (transport != null) expect(transport.calls >= 12, "kotlin transport used: ${transport.calls}")
        }
    }

    check("typed errors") {
        val bad = AdjustClient("wrong", options = AdjustClientOptions(baseUrl = adjust))
        val auth = expectThrows<AdkitException.Auth> { runBlocking { bad.getApp("abcdefabcdef") } }
        expect(auth.info.status.toInt() == 401, "status")
        val c = AdjustClient("adj_kt_err_$run", options = AdjustClientOptions(baseUrl = adjust))
        val inv = expectThrows<AdkitException.InvalidInput> { runBlocking { c.getApp("a/b") } }
        expect(inv.field == "app_token", "field")
        expectThrows<AdkitException.InvalidInput> { runBlocking { c.findApp("x", Platform.Other("windows")) } }
        expectThrows<AdkitException.InvalidInput> { AdjustClient("") }
        val notFound = expectThrows<AdkitException.NotFound> { runBlocking { c.getApp("abcdefabcdef") } }
        expect(notFound.info.status.toInt() == 404, "404")
    }

    check("rate limit retried then typed (kotlin transport)") {
        val key = "adj_kt_rl_$run"
        val body = """{"key":"$key","faults":[{"status":429,"retry_after":"0"},{"status":503,"retry_after":"0"},{"status":429,"retry_after":"0"}]}"""
        HttpClient.newHttpClient().send(
            JdkRequest.newBuilder(URI.create("$base/__sandbox/faults")).header("content-type", "application/json")
                .POST(JdkRequest.BodyPublishers.ofString(body)).build(),
            JdkResponse.BodyHandlers.ofString(),
        )
        val t = JdkTransport()
        val c = AdjustClient(key, options = AdjustClientOptions(baseUrl = adjust), transport = t)
        val e = expectThrows<AdkitException.RateLimited> { runBlocking { c.getApp("abcdefabcdef") } }
        expect(e.info.retryAfterMs == 0uL, "retry after")
        expect(t.calls == 3, "3 attempts, got ${t.calls}")
    }

    for (mode in listOf("native", "kotlin")) {
        check("timeouts are typed ($mode transport)") {
            val key = "adj_kt_slow_${run}_$mode"
            val body = """{"key":"$key","faults":[{"delay_ms":1500}]}"""
            HttpClient.newHttpClient().send(
                JdkRequest.newBuilder(URI.create("$base/__sandbox/faults")).header("content-type", "application/json")
                    .POST(JdkRequest.BodyPublishers.ofString(body)).build(),
                JdkResponse.BodyHandlers.ofString(),
            )
            val transport = if (mode == "kotlin") JdkTransport() else null
            val c = AdjustClient(key, options = AdjustClientOptions(baseUrl = adjust, timeoutMs = 200uL, maxRetries = 0u), transport = transport)
            val e = expectThrows<AdkitException.Transport> { runBlocking { c.getApp("abcdefabcdef") } }
            expect(e.kind == TransportErrorKind.TIMEOUT, "kind ${e.kind}")
        }
    }

    check("no secret in printed objects") {
        val options = AdjustClientOptions(baseUrl = adjust, timeoutMs = 1000uL)
        val c = AdjustClient("adj_secret_value", "sig_secret_value", options)
        expect(!options.toString().contains("secret_value") && !c.toString().contains("secret_value"), "printed a secret")
    }

    adaptyChecks(base, run)
    admitadChecks(base, run)

    println("$passed passed, $failed failed")
    if (failed > 0) kotlin.system.exitProcess(1)
}
