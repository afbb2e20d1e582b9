using Microsoft.Extensions.DependencyInjection.Extensions;
using MiniCode.Features.HealthCodes.Signing;
using MiniCode.Features.Identity;
using MiniCode.Features.Jobs;
using MiniCode.Features.People;
using MiniCode.Infrastructure.Hosting;

namespace MiniCode.Features.Appointments;

public static class AppointmentsSetup
{
    /// <summary>码上预约: catalogue, bookings, the appointment code and its verification, the reminder and no-show jobs.</summary>
    public static IHostApplicationBuilder AddAppointments(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddValidatedOptions<AppointmentsOptions>();
        services.AddScoped<BookingService>();
        services.AddScoped<AppointmentCodeService>();
        services.AddScoped<AppointmentLifecycle>();
        // Filled by the contacts feature (Replace, in any order): booking for a 常用联系人.
        services.TryAddScoped<IContactLookup, NoContacts>();
        services.AddScoped<IAccountDeletionParticipant, AppointmentCleanup>();
        services.AddSubjectCodeCheck<AppointmentCodeCheck>();
        services.AddMiniCodeJob<SendAppointmentRemindersJob>("send-appointment-reminders", "向次日有预约的市民发送预约提醒");
        services.AddMiniCodeJob<RecordAppointmentNoShowsJob>("record-appointment-no-shows", "将时段已结束仍未到场的预约记为爽约");
        return builder;
    }

    public static IEndpointRouteBuilder MapAppointments(this IEndpointRouteBuilder app) => app.MapAppointmentsApi();
}
