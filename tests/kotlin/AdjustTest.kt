// adkit from Kotlin (uniffi bindings) against the sandbox, once with the built-in transport and once
// with a transport written in Kotlin (java.net.http). Prints "N passed, M failed"; exits 1 on failure.

import java.net.URI
import java.net.http.HttpClient
import java.nio.ByteBuffer
import java.util.Collections
import java.util.UUID
import java.util.concurrent.CompletableFuture
import java.util.concurrent.CompletionStage
import java.util.concurrent.Flow
import java.util.concurrent.atomic.AtomicInteger
import kotlinx.coroutines.CancellationException
import kotlinx.coroutines.future.await
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.withTimeoutOrNull
import uniffi.adkit.*
import uniffi.adkit_uniffi.*
import uniffi.adkit_uniffi.HttpRequest as FfiRequest
import uniffi.adkit_uniffi.HttpResponse as FfiResponse
import java.net.http.HttpRequest as JdkRequest
import java.net.http.HttpResponse as JdkResponse

class TooLarge(message: String) : java.io.IOException(message)

/** Collects a body, failing as soon as it passes `cap` bytes (or `Content-Length` announces more). */
class CappedBody(private val cap: Long, private val announced: Long?) : JdkResponse.BodySubscriber<ByteArray> {
    private val result = CompletableFuture<ByteArray>()
    private val out = java.io.ByteArrayOutputStream()
    private var subscription: Flow.Subscription? = null

    override fun getBody(): CompletionStage<ByteArray> = result

    override fun onSubscribe(s: Flow.Subscription) {
        subscription = s
        if (announced != null && announced > cap) {
            s.cancel()
            result.completeExceptionally(TooLarge("kotlin transport: Content-Length over $cap bytes"))
        } else {
            s.request(1)
        }
    }

    override fun onNext(items: List<ByteBuffer>) {
        for (b in items) {
            if (out.size() + b.remaining() > cap) {
                subscription?.cancel()
                result.completeExceptionally(TooLarge("kotlin transport: body over $cap bytes"))
                return
            }
            val bytes = ByteArray(b.remaining())
            b.get(bytes)
            out.write(bytes)
        }
        subscription?.request(1)
    }

    override fun onError(t: Throwable) { result.completeExceptionally(t) }

    override fun onComplete() { result.complete(out.toByteArray()) }
}

/**
 * A transport written in Kotlin (java.net.http): never follows redirects, holds the whole exchange (body
 * included) to the request's `timeoutMs()` and stops reading as soon as the body passes
 * `maxResponseBytes()`.
 */
class JdkTransport : HttpTransport {
    private val client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
    val calls = AtomicInteger()
    val printed: MutableList<String> = Collections.synchronizedList(mutableListOf())
    val raised: MutableList<String> = Collections.synchronizedList(mutableListOf())
    val cancelled = AtomicInteger()

    private fun fail(e: TransportException): TransportException { raised.add(e::class.simpleName ?: "?"); return e }

    override suspend fun send(request: FfiRequest): FfiResponse {
        calls.incrementAndGet()
        printed.add(request.toString())
        request.headers().forEach { printed.add(it.toString()) }
        val timeout = request.timeoutMs().toLong()
        try {
            if (timeout == 0L) return exchange(request)
            return withTimeoutOrNull(timeout) { exchange(request) }
                ?: throw fail(TransportException.Timeout("kotlin transport: no answer within $timeout ms"))
        } catch (e: CancellationException) {
            cancelled.incrementAndGet()
            throw e
        }
    }

    private suspend fun exchange(request: FfiRequest): FfiResponse {
        val b = JdkRequest.newBuilder(URI.create(request.url()))
        // "host" and similar are restricted in the JDK client; the transport sets them itself.
        request.headers().forEach { b.header(it.name(), it.value()) }
        val body = request.body()
        b.method(request.method(), if (body.isEmpty()) JdkRequest.BodyPublishers.noBody() else JdkRequest.BodyPublishers.ofByteArray(body))
        val cap = request.maxResponseBytes().toLong()
        val handler = JdkResponse.BodyHandler { info ->
            val announced = info.headers().firstValueAsLong("content-length")
            CappedBody(cap, if (announced.isPresent) announced.asLong else null)
        }
        val r = try {
            client.sendAsync(b.build(), handler).await()
        } catch (e: CancellationException) {
            throw e
        } catch (e: Exception) {
            val causes = generateSequence<Throwable>(e) { it.cause }.toList()
            throw fail(when {
                causes.any { it is TooLarge } -> TransportException.BodyTooLarge(causes.first { it is TooLarge }.message ?: "")
                causes.any { it is java.net.ConnectException } -> TransportException.Connect("kotlin transport: $e")
                causes.any { it is java.net.http.HttpTimeoutException } -> TransportException.Timeout("kotlin transport: $e")
                else -> TransportException.Other("kotlin transport: $e")
            })
        }
        val headers = r.headers().map().flatMap { (k, vs) -> vs.map { HttpHeader(k, it) } }
        return FfiResponse(r.statusCode().toUShort(), headers, r.body())
    }
}

/** The sandbox's control API: the answer's text. */
fun control(base: String, method: String, path: String, body: String? = null): String {
    val b = JdkRequest.newBuilder(URI.create("$base$path")).header("content-type", "application/json")
    b.method(method, if (body == null) JdkRequest.BodyPublishers.noBody() else JdkRequest.BodyPublishers.ofString(body))
    return HttpClient.newHttpClient().send(b.build(), JdkResponse.BodyHandlers.ofString()).body()
}

/** Queues faults (a JSON array) for the credential whose last word is `key`. */
fun fault(base: String, key: String, faults: String) {
    control(base, "POST", "/__sandbox/faults", """{"key":"$key","faults":$faults}""")
}

/** `s` as a JSON string literal. */
fun jsonString(s: String): String = "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\""

/** How many requests the credential `key` made. */
fun attempts(base: String, key: String): Int =
    Regex("\"method\":").findAll(control(base, "GET", "/__sandbox/requests?key=${java.net.URLEncoder.encode(key, "UTF-8")}")).count()

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
            val created = client.createApp(CreateApp(store, Platform.Android, "Kt App", store))
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
            val urls = client.createCampaign(CreateCampaign(store, Platform.Android, "organic"))
            expect(urls.clickUrl.startsWith("https://app.adjust.com/"), "campaign")
            expect(client.listChannels(app).channels == listOf("organic"), "channels")
            expect(client.getSignature(store).androidAppToken == app, "signature libs")
            val gen = client.generateSignature(GenerateSignature(app, Platform.Android, hash))
            val sig = client.waitForTicket(gen.ticketToken, fast)
            expect(sig.signatures["android"]!!.success, "signature result")
            expect(client.getTicketStatus(gen.ticketToken).status == TicketState.Completed, "status")
            expect(client.updateApp(UpdateApp(app, name = "Renamed")).name == "Renamed", "update")
            if (transport != null) expect(transport.calls.get() >= 12, "kotlin transport used: ${transport.calls}")
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
        expect(t.calls.get() == 3, "3 attempts, got ${t.calls}")
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

    check("a throwing ticket listener never stops polling") {
        val c = AdjustClient("adj_kt_listen_$run", options = AdjustClientOptions(baseUrl = adjust))
        val created = c.createApp(CreateApp("com.example.kt.listener", Platform.Android, "Kt App", "com.example.kt.listener"))
        val seen = Collections.synchronizedList(mutableListOf<TicketState>())
        val throwing = object : TicketProgressListener {
            override fun onProgress(status: TicketStatus) {
                seen.add(status.status)
                throw IllegalStateException("progress store is down")
            }
        }
        val done = c.waitForTicket(created.ticketToken!!, fast, throwing)
        expect(done.status == TicketState.Completed, "completed although the listener threw")
        expect(seen.size == 3, "told every status: $seen")
        val failures = c.takeListenerFailures()
        expect(failures.map { it.listener } == List(3) { "TicketProgressListener.on_progress" }, "failures $failures")
        expect(failures[0].message.contains("progress store is down"), failures[0].message)
        expect(c.takeListenerFailures().isEmpty(), "taken")
    }

    check("printing what the kotlin transport receives never shows a credential") {
        val token = "adj_kt_print_$run"
        val signature = "sig_kt_print_$run"
        val t = JdkTransport()
        val c = AdjustClient(token, signature, AdjustClientOptions(baseUrl = adjust), t)
        val created = c.createApp(CreateApp("com.example.kt.print", Platform.Android, "Kt App", "com.example.kt.print"))
        c.waitForTicket(created.ticketToken!!, fast)
        // Both credentials reached the sandbox (it refuses the call otherwise): the transport read the real values.
        expect(c.generateSignature(GenerateSignature(created.adjustAppToken, Platform.Android, hash)).ticketToken.isNotEmpty(), "signed")
        val response = FfiResponse(200u, listOf(HttpHeader("Authorization", "Bearer $token")), "{}".toByteArray())
        val printed = t.printed + response.toString()
        expect(printed.size > 4 && printed.none { it.contains(token) || it.contains(signature) }, "printed a credential: $printed")
        expect(printed.any { it.lowercase().contains("adjustauthorization: <redacted>") }, "redacted in place: $printed")
        expect(printed.any { it.contains("x-adkit-client: adkit/") }, "other headers print")
        expect(HttpHeader("AdjustAuthorization", "Token $token").value() == "Token $token", "the value stays readable")
    }

    check("json text that is not json is invalid input") {
        val c = AdjustClient("adj_kt_json_$run", options = AdjustClientOptions(baseUrl = adjust))
        val bad = CreateApp("com.example.kt.json", Platform.Android, "Kt App", "com.example.kt.json",
            overrideSettings = OverrideSettings(csvUploadSettings = "{not json"))
        val e = expectThrows<AdkitException.InvalidInput> { runBlocking { c.createApp(bad) } }
        expect(e.field == "request", "field ${e.field}")
        expect(attempts(base, "adj_kt_json_$run") == 0, "nothing sent")
    }

    adaptyChecks(base, run)
    admitadChecks(base, run)

    println("$passed passed, $failed failed")
    if (failed > 0) kotlin.system.exitProcess(1)
}
