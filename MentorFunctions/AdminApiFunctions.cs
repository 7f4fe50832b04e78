using System.Net;
using MentorFunctions.Core.Admin;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace MentorFunctions;

/// <summary>
/// The admin HTTP API: mentors, pairs, profiles and the audit trail. It needs the host's master key (AuthorizationLevel.Admin),
/// so the function key Zulip holds for the webhook opens nothing else. Core validates every input
/// and chooses the status; these functions only route. ("admin/" is reserved by the Functions host, hence "mentoring/".)
/// </summary>
public sealed class AdminApiFunctions(AdminApi api)
{
    [Function("RegisterMentor")]
    public async Task<HttpResponseData> RegisterMentor(
        [HttpTrigger(AuthorizationLevel.Admin, "post", Route = "mentoring/mentors")] HttpRequestData request, FunctionContext context) =>
        await RespondAsync(request, await api.RegisterMentorAsync(await request.ReadAsStringAsync(), context.CancellationToken));

    [Function("ListMentors")]
    public async Task<HttpResponseData> ListMentors(
        [HttpTrigger(AuthorizationLevel.Admin, "get", Route = "mentoring/bots/{bot}/mentors")] HttpRequestData request, string bot, FunctionContext context) =>
        await RespondAsync(request, await api.ListMentorsAsync(bot, context.CancellationToken));

    [Function("RemoveMentor")]
    public async Task<HttpResponseData> RemoveMentor(
        [HttpTrigger(AuthorizationLevel.Admin, "delete", Route = "mentoring/bots/{bot}/mentors/{mentorId}")] HttpRequestData request,
        string bot, string mentorId, FunctionContext context) =>
        await RespondAsync(request, await api.RemoveMentorAsync(bot, mentorId, context.CancellationToken));

    [Function("RegisterPair")]
    public async Task<HttpResponseData> RegisterPair(
        [HttpTrigger(AuthorizationLevel.Admin, "post", Route = "mentoring/pairs")] HttpRequestData request, FunctionContext context) =>
        await RespondAsync(request, await api.RegisterPairAsync(await request.ReadAsStringAsync(), context.CancellationToken));

    [Function("ListStudents")]
    public async Task<HttpResponseData> ListStudents(
        [HttpTrigger(AuthorizationLevel.Admin, "get", Route = "mentoring/bots/{bot}/mentors/{mentorId}/students")] HttpRequestData request,
        string bot, string mentorId, FunctionContext context) =>
        await RespondAsync(request, await api.ListStudentsAsync(bot, mentorId, context.CancellationToken));

    [Function("RemovePair")]
    public async Task<HttpResponseData> RemovePair(
        [HttpTrigger(AuthorizationLevel.Admin, "delete", Route = "mentoring/bots/{bot}/mentors/{mentorId}/students/{studentId}")] HttpRequestData request,
        string bot, string mentorId, string studentId, FunctionContext context) =>
        await RespondAsync(request, await api.RemovePairAsync(bot, mentorId, studentId, context.CancellationToken));

    [Function("GetProfile")]
    public async Task<HttpResponseData> GetProfile(
        [HttpTrigger(AuthorizationLevel.Admin, "get", Route = "mentoring/bots/{bot}/mentors/{mentorId}/profile")] HttpRequestData request,
        string bot, string mentorId, FunctionContext context) =>
        await RespondAsync(request, await api.GetProfileAsync(bot, mentorId, context.CancellationToken));

    [Function("ImportProfile")]
    public async Task<HttpResponseData> ImportProfile(
        [HttpTrigger(AuthorizationLevel.Admin, "post", Route = "mentoring/bots/{bot}/mentors/{mentorId}/profile/import")] HttpRequestData request,
        string bot, string mentorId, FunctionContext context)
    {
        // A declared length over the bound is refused before the body is read; Core checks the body it is given too.
        if (request.Headers.TryGetValues("Content-Length", out var lengths) && long.TryParse(lengths.FirstOrDefault(), out var length)
            && length > AdminApi.MaxImportBytes)
            return await RespondAsync(request, AdminApi.ImportTooLarge());
        return await RespondAsync(request, await api.ImportProfileAsync(bot, mentorId, await request.ReadAsStringAsync(), context.CancellationToken));
    }

    [Function("ReadAudit")]
    public async Task<HttpResponseData> ReadAudit(
        [HttpTrigger(AuthorizationLevel.Admin, "get", Route = "mentoring/bots/{bot}/audit")] HttpRequestData request, string bot, FunctionContext context)
    {
        var query = request.Query;
        return await RespondAsync(request, await api.ReadAuditAsync(bot, query["mentorId"], query["since"], query["max"], context.CancellationToken));
    }

    private static async Task<HttpResponseData> RespondAsync(HttpRequestData request, AdminResult result)
    {
        var response = request.CreateResponse((HttpStatusCode)result.Status);
        if (result.Json.Length > 0)
        {
            response.Headers.Add("Content-Type", "application/json; charset=utf-8");
            await response.WriteStringAsync(result.Json);
        }
        return response;
    }
}
