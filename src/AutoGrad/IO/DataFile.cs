using AutoGrad.Diagnostics;

namespace AutoGrad.IO;

/// <summary>Opening the files the readers read, with one error for every way it can fail.</summary>
internal static class DataFile
{
    /// <summary>The file opened for reading, or an error naming it and what went wrong.</summary>
    public static FileStream OpenRead(string path)
    {
        try
        {
            return File.OpenRead(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw Errors.FileUnreadable(path, "no such file");
        }
        catch (UnauthorizedAccessException) when (Directory.Exists(path))
        {
            throw Errors.FileUnreadable(path, "it is a folder, not a file");
        }
        catch (UnauthorizedAccessException)
        {
            throw Errors.FileUnreadable(path, "access denied");
        }
        catch (IOException e)
        {
            throw Errors.FileUnreadable(path, e.Message);
        }
    }
}
