using MentorFunctions;
using MentorFunctions.Core.Hosting;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.Services.AddMentorFunctionsCore();
// Lets Durable's retry handler see a step's Retry-After (TransientStepException) in the failure details.
builder.Services.AddSingleton<IExceptionPropertiesProvider, TransientStepExceptionProperties>();
builder.Build().Run();
