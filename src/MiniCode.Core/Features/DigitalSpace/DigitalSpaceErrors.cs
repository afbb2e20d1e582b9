using MiniCode.Infrastructure.Errors;

namespace MiniCode.Features.DigitalSpace;

public static class DigitalSpaceErrors
{
    public static readonly ErrorCode TagNotFound = new("digitalspace.tag_not_found", 404, "标签不存在");
    public static readonly ErrorCode ObjectionNotFound = new("digitalspace.objection_not_found", 404, "该标签没有异议");
    public static readonly ErrorCode ObjectionOpen = new("digitalspace.objection_open", 409, "该标签已有待处理的异议");
    public static readonly ErrorCode ObjectionNotOpen = new("digitalspace.objection_not_open", 409, "该异议已处理");
    public static readonly ErrorCode TagRemoved = new("digitalspace.tag_removed", 409, "该标签已删除，无需异议");
}
