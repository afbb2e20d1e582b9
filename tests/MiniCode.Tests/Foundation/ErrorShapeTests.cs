using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using MiniCode.Infrastructure.Errors;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.Foundation;

/// <summary>Every failure is RFC 9457 ProblemDetails with a stable code, a Chinese title and the request id.</summary>
public sealed class ErrorShapeTests : IClassFixture<ErrorShapeTests.Host>
{
    /// <summary>The real host plus two endpoints that fail on purpose (unhandled and API exceptions). Body-binding
    /// failures are exercised on a real JSON endpoint of the API.</summary>
    public sealed class Host : MiniCodeFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(s => s.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, EchoFilter>());
        }

        private sealed class EchoFilter : Microsoft.AspNetCore.Hosting.IStartupFilter
        {
            public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
            {
                next(app);
                app.UseRouting();
                app.UseEndpoints(e =>
                {
                    e.MapGet("/test/boom", () => { throw new InvalidOperationException("secret internals 13812345678"); });
                    e.MapGet("/test/api-error", () => { throw new ApiException(CommonErrors.Conflict, "版本已变化"); });
                });
            };
        }
    }

    private const string Endpoint = "/api/auth/sms/login";
    private readonly HttpClient _client;
    public ErrorShapeTests(Host host) => _client = host.CreateClient();

    [Fact]
    public async Task Unknown_route_is_a_404_problem()
    {
        var body = await HttpAssert.Problem(await _client.GetAsync("/api/no-such-thing"), HttpStatusCode.NotFound, "common.not_found");
        Assert.Equal("请求的资源不存在", body.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Malformed_json_is_a_400_problem()
    {
        var response = await _client.PostAsync(Endpoint, new StringContent("{\"phone\": \"13800000000\", \"code\": ", Encoding.UTF8, "application/json"));
        await HttpAssert.Problem(response, HttpStatusCode.BadRequest, "request.malformed_body");
    }

    [Fact]
    public async Task Wrong_json_type_is_a_400_problem()
    {
        var response = await _client.PostAsync(Endpoint, new StringContent("{\"phone\": 13800000000, \"code\": [1]}", Encoding.UTF8, "application/json"));
        await HttpAssert.Problem(response, HttpStatusCode.BadRequest, "request.malformed_body");
    }

    [Fact]
    public async Task Wrong_content_type_is_a_415_problem()
    {
        var response = await _client.PostAsync(Endpoint, new StringContent("phone=13800000000", Encoding.UTF8, "application/x-www-form-urlencoded"));
        await HttpAssert.Problem(response, HttpStatusCode.UnsupportedMediaType, "request.unsupported_media_type");
    }

    [Fact]
    public async Task Oversize_body_is_a_413_problem()
    {
        var huge = "{\"phone\":\"" + new string('1', 5 * 1024 * 1024) + "\",\"code\":\"1\"}";
        var response = await _client.PostAsync(Endpoint, new StringContent(huge, Encoding.UTF8, "application/json"));
        await HttpAssert.Problem(response, HttpStatusCode.RequestEntityTooLarge, "request.body_too_large");
    }

    [Fact]
    public async Task Unhandled_exception_is_a_500_problem_without_internals()
    {
        var response = await _client.GetAsync("/test/boom");
        var body = await HttpAssert.Problem(response, HttpStatusCode.InternalServerError, "common.internal_error");
        Assert.DoesNotContain("secret internals", body.ToString());
    }

    [Fact]
    public async Task Api_exception_keeps_its_code_and_detail()
    {
        var body = await HttpAssert.Problem(await _client.GetAsync("/test/api-error"), HttpStatusCode.Conflict, "common.conflict");
        Assert.Equal("版本已变化", body.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Wrong_method_is_a_405_problem()
    {
        await HttpAssert.Problem(await _client.GetAsync(Endpoint), HttpStatusCode.MethodNotAllowed, "common.method_not_allowed");
    }
}
