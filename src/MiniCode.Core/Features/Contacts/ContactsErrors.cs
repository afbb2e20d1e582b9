using MiniCode.Infrastructure.Errors;

namespace MiniCode.Features.Contacts;

public static class ContactsErrors
{
    public static readonly ErrorCode NotFound = new("contacts.not_found", 404, "联系人不存在");
    public static readonly ErrorCode Limit = new("contacts.limit_reached", 409, "常用联系人数量已达上限");
    public static readonly ErrorCode Exists = new("contacts.already_added", 409, "该证件号码的联系人已存在");
}
