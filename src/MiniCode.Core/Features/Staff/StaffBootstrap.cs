using MiniCode.Infrastructure.Hosting;
using MiniCode.Data;
using MiniCode.Features.Audit;
using MiniCode.Infrastructure.Security;

namespace MiniCode.Features.Staff;

/// <summary>
/// At start-up (after migrations) makes sure the super-admin role holds every permission and, when no staff account
/// exists yet, creates the first super-admin from <c>Admin:BootstrapUser</c> / <c>Admin:BootstrapPassword</c>.
/// In Development and the tests only, a documented default is used when they are not set.
/// </summary>
internal sealed class StaffBootstrap(IServiceProvider services, IHostEnvironment environment, IOptions<AdminOptions> options,
    ILogger<StaffBootstrap> logger) : IHostedService
{
    public const string SuperAdminRole = StaffBootstrapNames.SuperAdmin;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MiniCodeDbContext>();
        if (!await IsSchemaReadyAsync(db, cancellationToken)) return;
        var time = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var all = string.Join(' ', Permissions.All.Select(p => p.Code));

        var role = await db.Set<StaffRole>().SingleOrDefaultAsync(r => r.Name == SuperAdminRole, cancellationToken);
        if (role is null)
        {
            role = new StaffRole { Name = SuperAdminRole, Description = "拥有全部权限（系统内置）", Permissions = all, CreatedAt = time.GetUtcNow() };
            db.Add(role);
        }
        else role.Permissions = all;

        if (!await db.Set<StaffMember>().AnyAsync(cancellationToken))
        {
            var user = options.Value.BootstrapUser;
            var password = options.Value.BootstrapPassword;
            if (string.IsNullOrWhiteSpace(user) || string.IsNullOrWhiteSpace(password))
            {
                if (!environment.AllowsDevelopmentDefaults()) throw new InvalidOperationException("Admin:BootstrapUser and Admin:BootstrapPassword are required to create the first super-admin.");
                (user, password) = (AdminOptions.DevelopmentUser, AdminOptions.DevelopmentPassword);
                logger.LogWarning("Created the default super-admin {User} (development default, see README)", user);
            }
            var staff = new StaffMember
            {
                Username = user.Trim(), Name = "超级管理员", Type = StaffType.OrganisationStaff, Status = StaffStatus.Active, Role = role,
                PasswordHash = scope.ServiceProvider.GetRequiredService<PasswordHasher>().Hash(password),
                SecurityStamp = StaffLogin.NewSecurityStamp(), CreatedAt = time.GetUtcNow(),
            };
            db.Add(staff);
            scope.ServiceProvider.GetRequiredService<AuditLog>().Record("system:bootstrap", "staff.create", "staff", staff.Username, after: staff.Snapshot());
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>When migrations are switched off and not applied yet, the admin tables do not exist: skip quietly.</summary>
    private async Task<bool> IsSchemaReadyAsync(MiniCodeDbContext db, CancellationToken ct)
    {
        try
        {
            await db.Set<StaffRole>().AnyAsync(ct);
            return true;
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException)
        {
            logger.LogWarning("Admin tables are not there yet (migrations not applied); the super-admin was not created");
            return false;
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

public static class StaffBootstrapNames
{
    /// <summary>The built-in role that always holds every permission.</summary>
    public const string SuperAdmin = "超级管理员";
}
